export { STAGES, type Stage } from './stage';
export { JOURNEY_CHANNELS, type JourneyChannel } from './journey-channel';
export {
  CHANNELS,
  CHANNEL_NAMES,
  TOUCHPOINT_CHANNELS,
  byChannel,
  channelSpec,
  consentFor,
  isChannel,
  templateFieldsSummary,
  type AddressSource,
  type Channel,
  type ChannelSpec,
  type ChannelSpecOf,
  type Consent,
  type ConsentKey,
  type TemplateFieldSpec,
} from './channels';
export { consentSchema } from './consent.schema';
export { sessionDecision, type SessionDecision } from './session-window';
export {
  CONDITION_OPERATORS,
  conditionSchema,
  type Condition,
  type ConditionOperator,
  type PathCondition,
} from './condition';
export {
  stepSchema,
  waitStepSchema,
  sendStepSchema,
  waitForEventStepSchema,
  waitForAttributeStepSchema,
  branchStepSchema,
  splitStepSchema,
  updateAttributesStepSchema,
  webhookStepSchema,
  RESERVED_WEBHOOK_HEADERS,
  exitStepSchema,
  STEP_ID_PATTERN,
  ATTRIBUTE_NAME_PATTERN,
  WEEKDAYS,
  type Step,
  type WaitStep,
  type SendStep,
  type WaitForEventStep,
  type WaitForAttributeStep,
  type BranchStep,
  type SplitStep,
  type UpdateAttributesStep,
  type WebhookStep,
  type ExitStep,
  type Weekday,
} from './step';
export {
  smsTemplateSchema,
  emailTemplateSchema,
  pushTemplateSchema,
  templateSchemas,
  templateSources,
  type TemplateOf,
  type TemplateFieldsOf,
  type SmsTemplate,
  type EmailTemplate,
  type PushTemplate,
  type Template,
} from './template';
export {
  journeyDefinitionSchema,
  REENTRY_POLICIES,
  type JourneyDefinition,
  type JourneyDefinitionInput,
  type ReentryPolicy,
} from './journey-definition';
export { stepLinks, type StepLink } from './journey-graph';
export { durationSchema, offsetDurationSchema } from './duration.schema';
export { parseDuration, isIsoDuration, addDuration } from './duration';
export { timeOfDaySchema } from './time-of-day.schema';
export { quietHoursSchema, type QuietHours } from './quiet-hours.schema';
export type { JourneyProblem } from './journey-problem';
export {
  validateJourney,
  type JourneyValidation,
  type TemplateChecker,
  type TemplateCheckContext,
} from './validate-journey';
export type { EventLike } from './event-like';
export type { CustomerLike } from './customer-like';
export { evaluateCondition, lookup, type ConditionScope } from './evaluate-condition';
export { matchesTrigger } from './matches-trigger';
export { awaitedEvents, matchesAwaitedEvent } from './matches-awaited-event';
export { exitsOn } from './exits-on';
export type { Plan, PlanContext, PlanTrace } from './plan';
export { planFirst, planAfter, planOnEvent, planOnChange, planOnTimeout } from './planner';
export { JourneyPlanError } from './journey-plan-error';
export { chooseVariant, type SplitVariant, type VariantChoice } from './choose-variant';
export { stableHash } from './stable-hash';
export { resolveTimezone } from './resolve-timezone';
export { applyQuietHours } from './apply-quiet-hours';
export { pickLocale } from './pick-locale';
export { isRtlLocale } from './is-rtl-locale';
export {
  frequencyCapSchema,
  frequencyCapsSchema,
  capWindowStart,
  isCapped,
  type FrequencyCap,
} from './frequency-cap';
export { entryDecision, type EntryDecision, type EntryHistory } from './entry-decision';
export { deliveryBlocker, type DeliveryBlocker } from './delivery-blocker';
export {
  countsAgainstCaps,
  decideSend,
  decideSendWith,
  recheckSend,
  type RenderOutcome,
  type SendDecision,
  type SendDecisionInput,
  type SendDecisionSources,
  type SentMessage,
  type SuppressionReason,
} from './decide-send';
export {
  simulateJourney,
  type SimulatedAction,
  type SimulatedStep,
  type SimulationInput,
  type SimulationResult,
  type TimelineEvent,
} from './simulate-journey';
export {
  isStorableJson,
  isStorableText,
  jsonRecord,
  jsonValue,
  MAX_JSON_DEPTH,
  text,
  UNSTORABLE_TEXT,
} from './text.schema';
export { whenParsed } from './when-parsed';
export { messageExpiry } from './message-expiry';
export { updateAttributes, describeUpdate } from './update-attributes';
export { scopeCustomer, scopeEvent, scopeLinks } from './message-scope';
