import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PARAMETERS, Parameter, ParameterUpdate, type ParameterDefinition, type ParameterKey } from '@rexian/contracts';
import { parameters } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, writeAudit } from '../audit/audit-log';

const KeyParams = z.object({ key: z.string().min(1).max(100) });

export const parameterRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['parameters'];

  const listAll = async (): Promise<Parameter[]> => {
    const stored = new Map((await db.select().from(parameters)).map((p) => [p.key, p]));
    return (Object.entries(PARAMETERS) as [ParameterKey, ParameterDefinition][]).map(([key, def]) => {
      const row = stored.get(key);
      return {
        key, type: def.type, value: row?.value ?? def.default, default: def.default, label: def.zh, labelEn: def.en,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    });
  };

  app.get('/', {
    config: { access: 'params.manage' },
    schema: { tags, summary: '系统参数 List system parameters', response: { 200: z.array(Parameter) } },
  }, listAll);

  app.put('/:key', {
    config: { access: 'params.manage' },
    schema: { tags, summary: '修改系统参数 Set a system parameter', params: KeyParams, body: ParameterUpdate, response: { 200: Parameter } },
  }, async (request) => {
    const { key } = request.params;
    const def = (PARAMETERS as Record<string, ParameterDefinition>)[key];
    if (!def) throw new AppError('PARAM_NOT_FOUND');
    const value = checkValue(def, request.body.value);
    const before = (await listAll()).find((p) => p.key === key)!;
    await db.transaction(async (tx) => {
      await tx.insert(parameters).values({ key, value, updatedBy: request.principal!.userId })
        .onConflictDoUpdate({ target: parameters.key, set: { value, updatedAt: new Date(), updatedBy: request.principal!.userId } });
      await writeAudit(tx, actorOf(request), {
        action: 'parameter.update', objectType: 'parameter', objectId: key, summary: { before: { value: before.value }, after: { value } },
      });
    });
    return (await listAll()).find((p) => p.key === key)!;
  });
};

function checkValue(def: ParameterDefinition, value: string | number | boolean): string | number | boolean {
  const invalid = (message: string) => new AppError('PARAM_INVALID', [{ field: 'value', message }]);
  if (def.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid('须为整数');
    if ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max)) {
      throw invalid(`须在 ${def.min} 到 ${def.max} 之间`);
    }
  } else if (def.type === 'boolean') {
    if (typeof value !== 'boolean') throw invalid('须为是或否');
  } else {
    if (typeof value !== 'string' || value.trim() === '') throw invalid('不能为空');
    if (def === PARAMETERS['system.timeZone'] && !validTimeZone(value)) throw invalid('不是有效的时区，例如 Asia/Shanghai');
    return value.trim();
  }
  return value;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
