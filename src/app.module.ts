import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { errorFormatter } from './graphql/error-formatter.js';
import { HealthModule } from './health/health.module.js';
import { ProjectModule } from './graphql/project.module.js';
import { StorageModule } from './storage/storage.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        StorageModule.forRoot(config, logger),
        CqrsModule.forRoot(),
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: true,
          errorFormatter,
        }),
        HealthModule,
        ProjectModule,
      ],
    };
  }
}
