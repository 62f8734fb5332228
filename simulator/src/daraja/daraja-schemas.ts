import { z } from 'zod';

/**
 * The exact shapes Safaricom's Daraja sends (Daraja 3.0 docs; shared/reference/payments.md section 1).
 * Strict objects: a field we invent, or one we forget, fails the fixture tests.
 */

const digits = (length: number) => z.string().regex(new RegExp(`^\\d{${length}}$`));

/** C2B v2 validation and confirmation requests share one shape. */
export const c2bCallbackSchema = z.strictObject({
  TransactionType: z.enum(['Pay Bill', 'Buy Goods', '']),
  TransID: z.string().regex(/^[A-Z0-9]{10}$/),
  /** YYYYMMDDHHmmss, EAT, no zone. */
  TransTime: digits(14),
  /** Shillings as a string: "500.00" (older sandbox samples send "10"). */
  TransAmount: z.string().regex(/^\d+(\.\d{2})?$/),
  BusinessShortCode: z.string().regex(/^\d{5,7}$/),
  BillRefNumber: z.string().max(20),
  InvoiceNumber: z.string(),
  /** Blank on validation; the utility account's balance after the payment on confirmation. */
  OrgAccountBalance: z.union([z.literal(''), z.string().regex(/^\d+\.\d{2}$/)]),
  ThirdPartyTransID: z.string(),
  /** v2 masks the number: "2547 ***** 126". */
  MSISDN: z.string().regex(/^\d{4} \*{5} \d{3}$/),
  FirstName: z.string(),
  MiddleName: z.string(),
  LastName: z.string(),
});
export type C2bCallbackBody = z.infer<typeof c2bCallbackSchema>;

/** The C2B validation result codes of the official table. */
export const C2B_RESULT_CODES = [
  '0',
  'C2B00011',
  'C2B00012',
  'C2B00013',
  'C2B00014',
  'C2B00015',
  'C2B00016',
] as const;

/**
 * A validation request as our validation endpoint forwards it to the collector: the Daraja body unchanged,
 * plus the answer the utility gave (`ResultCode`/`ResultDesc`, as in the Daraja validation response).
 */
export const forwardedValidationSchema = c2bCallbackSchema.extend({
  ResultCode: z.enum(C2B_RESULT_CODES),
  ResultDesc: z.string().min(1),
});
export type ForwardedValidationBody = z.infer<typeof forwardedValidationSchema>;

const metadataItemSchema = z.discriminatedUnion('Name', [
  z.strictObject({ Name: z.literal('Amount'), Value: z.number().positive() }),
  z.strictObject({ Name: z.literal('MpesaReceiptNumber'), Value: z.string().regex(/^[A-Z0-9]{10}$/) }),
  /** Older callbacks send Balance without a Value. */
  z.strictObject({ Name: z.literal('Balance'), Value: z.number().optional() }),
  z.strictObject({ Name: z.literal('TransactionDate'), Value: z.number().int().gte(20_000_000_000_000) }),
  z.strictObject({ Name: z.literal('PhoneNumber'), Value: z.number().int().gte(254_000_000_000) }),
]);

const stkCallbackCore = {
  MerchantRequestID: z.string().regex(/^\d+-\d+-\d+$/),
  CheckoutRequestID: z.string().regex(/^ws_CO_\d{14,}$/),
  ResultDesc: z.string().min(1),
};

/** M-Pesa Express callback: metadata only on success, ResultCode a number. */
export const stkCallbackSchema = z.strictObject({
  Body: z.strictObject({
    stkCallback: z.union([
      z.strictObject({
        ...stkCallbackCore,
        ResultCode: z.literal(0),
        CallbackMetadata: z.strictObject({ Item: z.array(metadataItemSchema).min(4) }),
      }),
      z.strictObject({
        ...stkCallbackCore,
        ResultCode: z
          .number()
          .int()
          .refine((code) => code !== 0, 'failure codes are non-zero'),
      }),
    ]),
  }),
});
export type StkCallbackBody = z.infer<typeof stkCallbackSchema>;
