import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/app-error';
import { demoAccount } from './demo-account';

const DemoAccountAnswer = z.object({ account: z.string(), name: z.string(), balance: z.string(), dueDate: z.string() });

/**
 * A stand-in for a utility's billing system that the demo IVR flow queries over HTTP (the `http`
 * node). Public because the switch calls it without a session; it holds no real data.
 */
export const demoBillingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/accounts/:account', {
    config: { access: 'public' },
    schema: {
      tags: ['demo'], summary: '演示账单查询（演示数据） Demo billing lookup',
      params: z.object({ account: z.string().regex(/^\d{4,12}$/, '户号应为 4–12 位数字') }), response: { 200: DemoAccountAnswer },
    },
  }, async (request) => {
    const found = demoAccount(request.params.account);
    if (!found) throw new AppError('DEMO_ACCOUNT_NOT_FOUND');
    return found;
  });
};
