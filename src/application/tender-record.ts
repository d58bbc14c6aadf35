import type {
  BidAdvised, BidDecided, BidKickOffHeld, BidLoanSigned, BidOpeningRecorded, BidSealed, ProjectEvent, TechnicalBidSubmitted, TenderDocumentsEvaluated,
} from '../domain/project/events.js';
import type { Money, OutcomeReason } from '../domain/project/vocabulary.js';

/** 投标结果及原因: won or lost, why, and what was learned of the winner. */
export interface BidResultRecord {
  result: 'WON' | 'LOST';
  reasons: OutcomeReason[];
  notes?: string;
  winner?: string;
  winningPrice?: Money;
  ourPrice?: Money;
  competitors: string[];
}

/** PSM050 as it happened: advice and decisions, the loan, the documents, the evaluation, the bid's work, the opening and the result. */
export interface TenderRecord {
  advice: Array<BidAdvised['data']>;
  decisions: Array<Omit<BidDecided['data'], 'deadlines'>>;
  loan?: BidLoanSigned['data'];
  purchase?: { openingOn: string; fee?: Money; purchaseClosesOn?: string };
  evaluation?: TenderDocumentsEvaluated['data'];
  kickOff?: BidKickOffHeld['data'];
  technicalBids: Array<TechnicalBidSubmitted['data']>;
  bond?: Money;
  sealing?: BidSealed['data'];
  opening?: BidOpeningRecorded['data'];
  result?: BidResultRecord;
}

export const emptyTenderRecord = (): TenderRecord => ({ advice: [], decisions: [], technicalBids: [] });

/** Adds what a tender event recorded; other events leave the record as it is. */
export function recordTender(into: TenderRecord, event: ProjectEvent): void {
  switch (event.type) {
    case 'BidAdvised':
      into.advice.push(event.data);
      return;
    case 'BidDecided': {
      const { deadlines: _clocks, ...decision } = event.data;
      into.decisions.push(decision);
      return;
    }
    case 'BidLoanSigned':
      into.loan = event.data;
      return;
    case 'TenderDocumentsPurchased': {
      const { openingOn, fee, purchaseClosesOn } = event.data;
      into.purchase = { openingOn, ...(fee ? { fee } : {}), ...(purchaseClosesOn ? { purchaseClosesOn } : {}) };
      return;
    }
    case 'TenderDocumentsEvaluated':
      into.evaluation = event.data;
      return;
    case 'BidKickOffHeld':
      into.kickOff = event.data;
      return;
    case 'TechnicalBidSubmitted':
      into.technicalBids.push(event.data);
      return;
    case 'BidBondPaid':
      into.bond = event.data.amount;
      return;
    case 'BidSealed':
      into.sealing = event.data;
      return;
    case 'BidOpeningRecorded':
      into.opening = event.data;
      return;
    case 'BidWon':
      into.result = { result: 'WON', reasons: event.data.reasons ?? [], notes: event.data.notes, competitors: event.data.competitors ?? [] };
      return;
    case 'BidLost': {
      const { winner, winningPrice, ourPrice, reasons, notes, competitors } = event.data;
      into.result = { result: 'LOST', reasons, notes, winner, winningPrice, ourPrice, competitors: competitors ?? [] };
      return;
    }
    default:
      return;
  }
}
