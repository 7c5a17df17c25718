// drizzle-kit reads this to generate SQL migrations from the schema:
//   npm run db:generate
// The migrations ship with the app under resources/migrations and are applied by migrator.ts.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/core/db/schema/index.ts',
  out: './resources/migrations',
  strict: true,
  verbose: false,
});
