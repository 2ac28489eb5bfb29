import { SegmentedMessage } from 'sms-segments-calculator';

export interface SmsSegmentCount {
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** As Twilio counts them: a GSM-7 extension character (`€`, `{`) counts twice. */
  characters: number;
}

/** How many SMS segments Twilio will bill `body` as (160/153 GSM-7, 70/67 UCS-2). */
export function countSmsSegments(body: string): SmsSegmentCount {
  const message = new SegmentedMessage(body);
  return {
    segments: message.segmentsCount,
    encoding: message.encodingName,
    characters: message.numberOfCharacters,
  };
}
