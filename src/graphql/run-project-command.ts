import type { CommandBus } from '@nestjs/cqrs';
import { ExecuteProjectCommand, type CommandResult } from '../application/execute-project-command.js';
import { projectIdFor } from '../application/project-stream.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import type { ProjectCommand } from '../domain/project/commands.js';

export type CommandFields = { commandId: string; projectId?: string };
export type DataOf<Type extends ProjectCommand['type']> = Extract<ProjectCommand, { type: Type }>['data'];

/** A mutation's input as the command it stands for, straight to the command bus. */
export function runProjectCommand<Type extends ProjectCommand['type']>(
  commands: CommandBus, type: Type, input: CommandFields, actor: AuthenticatedActor, build?: (data: DataOf<Type>) => DataOf<Type>,
): Promise<CommandResult> {
  const { commandId, projectId, ...fields } = input;
  // plain JSON: what is stored is exactly what the event says, without class instances or undefined fields
  const data = JSON.parse(JSON.stringify(fields)) as DataOf<Type>;
  const id = projectId ?? projectIdFor(actor.userId, commandId);
  const command = { type, data: build ? build(data) : data } as ProjectCommand;
  return commands.execute(new ExecuteProjectCommand(id, command, { commandId, actor }));
}
