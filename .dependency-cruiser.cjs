/**
 * The floors of the code and what may import what (run by `npm run check:deps`, part of `npm test`).
 * From the ground up: lib (general helpers) and contract (what server and web share) → db (tables,
 * connections) → ingest (the reader: pure text in, proposals out) and jobs (the queue machinery) →
 * http (the kit routes use) → modules (one folder per domain concept) → app (the server's assembly),
 * demo, cli. A floor imports only from the floors below it. Type-only imports are named where they are allowed.
 */
module.exports = {
  forbidden: [
    {
      name: 'lib-and-contract-stand-alone',
      comment: 'General helpers (lib) and what server and web share (contract) depend on nothing else of ours but types.',
      severity: 'error',
      from: { path: '^src/(lib|contract)/' },
      to: { path: '^src/', pathNot: '^src/(lib|contract)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'db-imports-no-domain',
      comment: 'The database floor knows tables and connections, not the domain: nothing above it.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(modules|http|app|ingest|demo|cli|jobs)/' },
    },
    {
      name: 'ingest-is-pure',
      comment: 'The reader turns text into proposals: no module, database, HTTP or app code.',
      severity: 'error',
      from: { path: '^src/ingest/' },
      to: { path: '^src/(modules|db|http|app|demo|cli|jobs)/' },
    },
    {
      name: 'jobs-machinery-below-modules',
      comment: 'The job queue runs jobs; the jobs themselves (reminders, delivery) live in their modules.',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: { path: '^src/(modules|http|app|demo|cli)/' },
    },
    {
      name: 'http-kit-below-modules',
      comment: 'The kit routes use (schemas, session, errors) knows no module beyond the Actor type.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(modules|app|demo|cli)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'services-and-repositories-not-http',
      comment: 'Rules and SQL do not depend on how a request arrives: only routes and schemas use the HTTP kit.',
      severity: 'error',
      from: { path: '^src/modules/.+\\.(service|repository)\\.ts$' },
      to: { path: '^src/(http|app)/' },
    },
    {
      name: 'modules-below-app',
      comment: 'Modules are assembled by the app, the demo and the CLI; they never reach up to them (routes name the type of the assembled services, nothing more). A module’s integration tests may assemble the app they test through.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '\\.int\\.test\\.ts$' },
      to: { path: '^src/(app|demo|cli)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-uses-server-contract-only',
      comment: 'The web app runs no server code but what server and web share in src/contract.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-types-from-the-contract',
      comment: 'The web takes the types of what the API answers from the server’s zod schemas (and the reader’s result), so a server change breaks the web’s typecheck, not its runtime.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '(^src/contract/|\\.schemas\\.ts$|^src/ingest/ingest-result\\.ts$)', dependencyTypes: ['type-only'] },
    },
    {
      name: 'no-test-code-in-product',
      comment: 'Product code never imports tests or their helpers.',
      severity: 'error',
      from: { path: '^(src|web/src)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '(^test/|\\.test\\.tsx?$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
