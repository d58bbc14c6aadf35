import { Module } from '@nestjs/common';
import { DevSignInController } from './dev-sign-in.controller.js';

/** Loaded only when AppConfig.offersDevSignIn: development on the embedded default, with the development secret. */
@Module({ controllers: [DevSignInController] })
export class DevSignInModule {}
