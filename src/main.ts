import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './bootstrap.js';
import { stopGracefullyOn } from './graceful-shutdown.js';
import { createLogger } from './logging/logger.js';

try {
  const config = loadConfig();
  const app = await createApp(config);
  stopGracefullyOn(['SIGTERM', 'SIGINT'], app, createLogger(config.LOG_LEVEL).child({ component: 'shutdown' }));
  await app.listen(config.PORT, config.HOST);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
