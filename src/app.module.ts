import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { AuthModule } from './auth/auth.module.js';
import { TokenService } from './auth/token.service.js';
import { documentLimits } from './graphql/document-limits.js';
import { errorFormatterFor } from './graphql/error-formatter.js';
import { HealthModule } from './health/health.module.js';
import { ProjectModule } from './graphql/project.module.js';
import { ReadSideModule } from './graphql/read-side.module.js';
import { StorageModule } from './storage/storage.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        StorageModule.forRoot(config, logger),
        CqrsModule.forRoot(),
        AuthModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [TokenService],
          useFactory: (tokens: TokenService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            ...documentLimits(config, tokens),
            errorFormatter: errorFormatterFor(config),
            subscription: {
              // a socket authenticates once, with { authorization: 'Bearer …' } in connection_init
              onConnect: async ({ payload }) => ({ actor: await tokens.verify(payload?.authorization ?? payload?.Authorization) }),
            },
          }),
        }),
        HealthModule,
        ProjectModule,
        ReadSideModule,
      ],
    };
  }
}
