// The whole domain schema: the single source of truth that drizzle-kit turns into migrations.
export * from './accounts.ts';
export * from './competitors.ts';
export * from './deals.ts';
export * from './imports.ts';
export * from './interviews.ts';
export * from './lead-sources.ts';
export * from './marketing.ts';
export * from './org.ts';
export * from './plans.ts';
export * from './reasons.ts';
export * from './reports.ts';
export * from './retention.ts';
export * from './revenue.ts';
export * from './settings.ts';
