import { Module } from '@nestjs/common';
import { ConsoleConfigController } from './console-config.controller.js';

/** GET /console/config: the sign-in the console offers (the identity provider, the development sign-in). */
@Module({ controllers: [ConsoleConfigController] })
export class ConsoleConfigModule {}
