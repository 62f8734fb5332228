export type {
  Classify,
  IncomingMention,
  MentionSink,
  MentionSource,
  PollOutcome,
  ReportKind,
} from './mention';
export {
  defaultSearchQuery,
  parseSocialConfig,
  type SocialConfig,
  type XSourceConfig,
} from './social-config';
export { createSocialModule, type SocialModule, type SocialModuleDeps } from './social-module';
