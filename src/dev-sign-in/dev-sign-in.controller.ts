import { Body, Controller, Get, HttpCode, Post, ValidationPipe } from '@nestjs/common';
import { TokenService } from '../auth/token.service.js';
import { DEMO_PEOPLE, type DemoPerson } from '../demo/demo-people.js';
import { DevTokenInput } from './dev-token.input.js';

/**
 * 开发登录: on the embedded default only (see AppConfig.offersDevSignIn; the module is not even loaded
 * otherwise), the console signs in as a seeded person with a token signed by the development secret,
 * as `npm run token` does on the command line.
 */
@Controller('dev')
export class DevSignInController {
  constructor(private readonly tokens: TokenService) {}

  /** The demo history's people, whom the sign-in page offers. */
  @Get('people')
  people(): { people: readonly DemoPerson[] } {
    return { people: DEMO_PEOPLE };
  }

  @Post('token')
  @HttpCode(200)
  token(@Body(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true })) { userId, roles, name }: DevTokenInput): { token: string } {
    return { token: this.tokens.sign({ userId, roles, name }) };
  }
}
