import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { PsmApp } from '../support/psm-app.js';

describe('the committed GraphQL schema', () => {
  it('is the schema the code serves (npm run build regenerates it)', async () => {
    const psm = await PsmApp.start();
    try {
      expect(readFileSync('schema.gql', 'utf8')).toBe(printSchema(psm.app.get(GraphQLSchemaHost).schema));
    } finally {
      await psm.stop();
    }
  });

  it('names one mutation per command, in camelCase', () => {
    const sdl = readFileSync('schema.gql', 'utf8');
    for (const mutation of [
      'registerLead', 'screenLead', 'approveProject', 'recordExchange', 'recordSurvey', 'submitSolution', 'approveReview',
      'rejectReview', 'submitQuotation', 'approveQuotation', 'chooseProcurement', 'decideBid', 'recordBidStep', 'recordBidResult',
      'recordNegotiation', 'submitTechnicalAgreement', 'signTechnicalAgreement', 'draftContract', 'countersign', 'signContract',
      'requestTermination', 'decideTermination', 'handOver', 'summarizeProject', 'addTrackingNote', 'attachDocument',
    ]) {
      expect(sdl).toMatch(new RegExp(`\\n  ${mutation}\\(input: \\w+Input!\\): CommandResult!`));
    }
  });
});
