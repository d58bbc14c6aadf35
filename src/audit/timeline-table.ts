import type { Replay } from '../application/audit/project-audit.js';
import type { HistoryEntry } from '../application/audit/project-history.js';
import { textTable } from './text-table.js';
import { visibleOnTerminal } from './terminal-text.js';

const PAYLOAD_WIDTH = 100;
const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' });

const actorOf = ({ actor }: HistoryEntry) => `${actor.name ? `${actor.name} ` : ''}${actor.userId} (${actor.roles.join(',')})`;
const documentOf = ({ decidedDocument: d }: HistoryEntry) => (d ? `${d.title} [v${d.version ?? '-'}] ${d.sha256.slice(0, 12)}` : '');
const payloadOf = ({ payload }: HistoryEntry) => {
  const text = JSON.stringify(payload);
  return text.length > PAYLOAD_WIDTH ? `${text.slice(0, PAYLOAD_WIDTH - 1)}…` : text;
};

/** The timeline as a table a person reads: times in Asia/Shanghai, Chinese labels, who, which document. */
export function timelineTable({ projectId, revision, stage, entries }: Replay): string {
  const header = ['修订 rev', '时间 time (Asia/Shanghai)', '事件 event', '操作人 actor', '决策文档 document decided on', '内容 payload'];
  // names, titles and payloads are what users and tokens stored: shown, never obeyed by the terminal
  const rows = entries.map((entry) => [
    String(entry.revision), shanghai.format(new Date(entry.occurredAt)), `${entry.label} ${entry.type}`, actorOf(entry), documentOf(entry), payloadOf(entry),
  ]);
  return [visibleOnTerminal(`项目 project ${projectId} · 阶段 stage ${stage} · 修订 revision ${revision}`), ...textTable(header, rows), ''].join('\n');
}
