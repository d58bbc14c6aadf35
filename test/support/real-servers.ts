/**
 * Runs a suite against a real server only when its connection string is set; otherwise the suite
 * is reported as skipped, with the reason, never silently passed.
 */
export function describeWhenConfigured(name: string, variable: string, suite: (connection: string) => void): void {
  const connection = process.env[variable];
  if (connection) {
    describe(name, () => suite(connection));
    return;
  }
  process.stdout.write(`SKIPPED ${name}: ${variable} is not set (docker compose up provides the server)\n`);
  describe.skip(`${name} — skipped: ${variable} is not set`, () => {
    it('needs a real server', () => undefined);
  });
}
