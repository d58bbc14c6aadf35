import { Controller, Get, Header } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

/** How the console may sign in here: nothing secret, read by the sign-in page before anyone has a token. */
export interface ConsoleConfig {
  /** The identity provider's issuer and the console's public client there; null when none is configured. */
  oidc: { issuer: string; clientId: string; scope: string; resource?: string } | null;
  /** Whether the development sign-in (GET /dev/people, POST /dev/token) is offered. */
  devSignIn: boolean;
}

@Controller('console')
export class ConsoleConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get('config')
  @Header('cache-control', 'no-cache')
  consoleConfig(): ConsoleConfig {
    return { oidc: this.config.openIdConnect ?? null, devSignIn: this.config.offersDevSignIn };
  }
}
