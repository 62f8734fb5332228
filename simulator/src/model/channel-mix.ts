import type { Channel } from '@stimawatch/core';

/**
 * Share of purchase attempts per channel. The M-Pesa paybill (888880, customer types the meter number as the
 * account) dominates; KPLC reported >70 % of prepaid purchases by mobile money, M-Pesa ~95 % of that.
 * STK push (M-Pesa Express) comes from the MyPower app and partner sites; `ussd` (*977#) and `app` purchases
 * are reported by the vending platform itself; banks and agents make up the rest.
 */
export const CHANNEL_MIX: Readonly<Record<Channel, number>> = {
  mpesa_c2b: 0.7,
  mpesa_stk: 0.1,
  airtel_money: 0.06,
  bank: 0.04,
  ussd: 0.04,
  app: 0.03,
  agent: 0.03,
};

/** Channels whose payments are confirmed by an M-Pesa STK result (Daraja callback or platform event). */
export const STK_LIKE_CHANNELS: readonly Channel[] = ['mpesa_stk', 'ussd', 'app'];
