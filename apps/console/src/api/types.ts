// The console's view of the HTTP contract (CONSOLE-CONTRACT.md); replaced by the OpenAPI-generated
// types as each endpoint lands in the document.
import type { JourneyDefinitionInput } from '@touchpoint/journeys';

export type Role = 'admin' | 'marketer' | 'analyst' | 'ingest';

export interface Session {
  keyId: string;
  name: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
}

export type JourneyStatus = 'active' | 'paused' | 'archived';

export interface Numbers {
  entered: number;
  sent: number;
  delivered: number;
  converted: number;
}

export interface JourneySummary {
  id: string;
  name: string;
  trigger: { event: string; where?: unknown };
  stage: string;
  status: JourneyStatus;
  version: number;
  hasDraft: boolean;
  updatedAt: string;
  updatedBy: { keyId: string; name: string } | null;
  numbers: Numbers;
}

export interface Journey extends JourneyDefinitionInput {
  id: string;
  version: number;
  status: JourneyStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Draft {
  definition: Record<string, unknown>;
  baseVersion: number | null;
  updatedAt: string;
  updatedBy: { keyId: string; name: string } | null;
}

export interface HistoryEntry {
  version: number | null;
  action: string;
  actor: string;
  at: string;
}

export interface StepStats {
  entered: number;
  waiting: number;
  sent: number;
  delivered: number;
  failed: number;
  suppressed: Record<string, number>;
  converted: number;
  variants?: Record<string, { entered: number; converted: number }>;
}

export interface JourneyStepStats {
  from: string;
  to: string;
  steps: Record<string, StepStats>;
}

export interface LifecyclePreview {
  waiting: number;
  pendingMessages: number;
}

export interface CustomerSummary {
  id: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  timezone: string | null;
  attributes: Record<string, unknown>;
}

export interface SimulatedStep {
  stepId: string;
  action: 'wait' | 'send' | 'hold' | 'suppress' | 'branch' | 'update' | 'call' | 'exit';
  at: string;
  localTime: string;
  channel: 'sms' | 'email' | 'push' | null;
  rendered: Record<string, unknown> | null;
  reason: string | null;
}

export interface SimulationResult {
  enrolled: boolean;
  timezone: string;
  variant: string | null;
  reason: string | null;
  steps: SimulatedStep[];
}

export interface TemplatePreview {
  locale: string;
  rendered: Record<string, string>;
  sms?: { segments: number; encoding: 'GSM-7' | 'UCS-2'; characters: number };
}

export interface SandboxMessage {
  channel: 'sms' | 'email' | 'push';
  to: string;
  body?: string;
  subject?: string | null;
  html?: string | null;
  touchpointId?: string | null;
  at?: string;
  test?: boolean;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt?: string | null;
  lastUsedAt?: string | null;
}

export interface FrequencyCap {
  channel: 'any' | 'sms' | 'email' | 'push';
  max: number;
  per: string;
}
