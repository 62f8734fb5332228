/** The parts of the untyped `africastalking` 0.8.3 SDK our SMS adapter uses. */
declare module 'africastalking' {
  interface AfricasTalkingSmsParams {
    to: string | string[];
    message: string;
    from?: string;
  }
  interface AfricasTalkingSms {
    send(params: AfricasTalkingSmsParams): Promise<unknown>;
  }
  interface AfricasTalkingClient {
    SMS: AfricasTalkingSms;
  }
  function AfricasTalking(options: {
    apiKey: string;
    username: string;
    format?: 'json' | 'xml';
  }): AfricasTalkingClient;
  export = AfricasTalking;
}

/** The SDK's endpoint table: a plain CommonJS exports object that `SMS.send` reads on every call. */
declare module 'africastalking/lib/common.js' {
  const endpoints: { SMS_URL: string; BASE_URL: string };
  export = endpoints;
}
