import { SegmentedMessage } from 'sms-segments-calculator';

export interface SmsSegmentCount {
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** As Twilio counts them: a GSM-7 extension character (`€`, `{`) counts twice. */
  characters: number;
}

/** The GSM 03.38 basic character set: one septet each, no escape. */
const GSM7_BASIC = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]+$/;

/** How many SMS segments Twilio will bill `body` as (160/153 GSM-7, 70/67 UCS-2). */
export function countSmsSegments(body: string): SmsSegmentCount {
  // Most messages are plain GSM-7: count them directly (the calculator splits graphemes, a hot spot
  // at thousands of messages a second). Anything else (extension characters, UCS-2) goes to it.
  if (GSM7_BASIC.test(body)) {
    const characters = body.length;
    return { segments: characters <= 160 ? 1 : Math.ceil(characters / 153), encoding: 'GSM-7', characters };
  }
  const message = new SegmentedMessage(body);
  return {
    segments: message.segmentsCount,
    encoding: message.encodingName,
    characters: message.numberOfCharacters,
  };
}
