/** What an emoji says about the author's mood; emojis not listed (👏 🙏 😂) are too ambiguous to count. */
export type EmojiCue = 'sarcasm' | 'negative' | 'positive';

const EMOJI_CUES: ReadonlyMap<string, EmojiCue> = new Map<string, EmojiCue>([
  ...[...'🙄🤡😒🙃😏🤦🥱'].map((emoji): [string, EmojiCue] => [emoji, 'sarcasm']),
  ...[...'😡😤😠🤬😭😢😞💔😩😫😪😔😖😣🥵😰😓👎🕯'].map((emoji): [string, EmojiCue] => [emoji, 'negative']),
  ...[...'🙌😍❤🔥👍💯😊🥰🎉✅💪💚🥳😀😃😄😁☺💙🤩'].map((emoji): [string, EmojiCue] => [emoji, 'positive']),
]);

const PICTOGRAPH_RE = /\p{Extended_Pictographic}/gu;

export interface EmojiCounts {
  sarcasm: number;
  negative: number;
  positive: number;
}

/** Counts the mood emojis in a text (call only when the text has non-ASCII characters). */
export function countEmojiCues(text: string, into: EmojiCounts): void {
  for (const match of text.matchAll(PICTOGRAPH_RE)) {
    const cue = EMOJI_CUES.get(match[0]);
    if (cue !== undefined) into[cue] += 1;
  }
}
