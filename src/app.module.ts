import { Module, type DynamicModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { AuthModule } from './auth/auth.module.js';
import { TokenService } from './auth/token.service.js';
import { ExpensiveRequests, ExpensiveRequestsModule } from './graphql/expensive-requests.js';
import { documentLimits } from './graphql/document-limits.js';
import { errorFormatterFor } from './graphql/error-formatter.js';
import { subscriptionLimits } from './graphql/subscription-limits.js';
import { ConsoleConfigModule } from './console/console-config.module.js';
import { DevSignInModule } from './dev-sign-in/dev-sign-in.module.js';
import { HealthModule } from './health/health.module.js';
import { PolicyWhatIfModule } from './graphql/policy-what-if.module.js';
import { ProjectModule } from './graphql/project.module.js';
import { ReadSideModule } from './graphql/read-side.module.js';
import { StorageModule } from './storage/storage.module.js';
import { SurveyModule } from './survey/survey.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        StorageModule.forRoot(config, logger),
        CqrsModule.forRoot(),
        AuthModule,
        ExpensiveRequestsModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [TokenService, HttpAdapterHost, ExpensiveRequests],
          useFactory: (tokens: TokenService, adapter: HttpAdapterHost, expensive: ExpensiveRequests) => {
            const queries = documentLimits(config, tokens, expensive);
            const subscriptions = subscriptionLimits(config, tokens, logger.child({ component: 'subscriptions' }), adapter.httpAdapter.getInstance());
            return {
              autoSchemaFile: true,
              sortSchema: true,
              ...queries,
              ...subscriptions,
              hooks: { ...queries.hooks, ...subscriptions.hooks },
              errorFormatter: errorFormatterFor(config),
            };
          },
        }),
        HealthModule,
        ProjectModule,
        ReadSideModule,
        PolicyWhatIfModule,
        ConsoleConfigModule,
        SurveyModule,
        ...(config.offersDevSignIn ? [DevSignInModule] : []),
      ],
    };
  }
}
