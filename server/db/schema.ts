import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables the migrations create. */
type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
// tsvector columns are written through SQL expressions and never read back.
type Search = ColumnType<never, unknown, unknown>;
type Uuid = Generated<string>;
// Copied from the commune by an SQL expression at write time.
type Derived = ColumnType<string | null, unknown, unknown>;

export interface TerritoryRefColumns {
  commune_code: string | null;
  epci_code: string | null;
  departement_code: string | null;
  region_code: string | null;
}

export interface DB {
  magic_links: { token_hash: string; account_id: string; created_at: Generated<Date>; expires_at: Date; used_at: Date | null };
  accounts: Timestamps & {
    id: Uuid;
    email: string;
    password_hash: string | null;
    person_id: string | null;
    roles: ColumnType<unknown, string, string>;
  };
  sessions: { token_hash: string; account_id: string; csrf_token: string; created_at: Generated<Date>; expires_at: Date; id_token: string | null };
  notifications: {
    id: Uuid;
    account_id: string;
    category: string;
    title: string;
    body: Generated<string>;
    link: string | null;
    created_at: Generated<Date>;
    read_at: Date | null;
    emailed_at: Date | null;
  };
  notification_preferences: { account_id: string; category: string; delivery: string };
  job_reports: {
    job_id: string;
    queue: string;
    account_id: string | null;
    phase: Generated<string>;
    done: Generated<number>;
    total: Generated<number>;
    result: ColumnType<unknown, string | null, string | null> | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  sign_in_attempts: { key: string; attempts: number; window_started_at: Generated<Date> };
  oidc_logins: {
    state_hash: string;
    code_verifier: string;
    nonce: string;
    return_to: string;
    created_at: Generated<Date>;
    expires_at: Date;
    link_account_id: string | null;
  };
  account_identities: {
    issuer: string;
    subject: string;
    account_id: string;
    siret: string | null;
    name: string | null;
    created_at: Generated<Date>;
    last_login_at: Generated<Date>;
  };
  api_tokens: {
    id: Uuid;
    account_id: string;
    name: string;
    token_hash: string;
    created_at: Generated<Date>;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
  audit_log: {
    id: Generated<number>;
    at: Generated<Date>;
    actor_kind: string;
    actor_id: string | null;
    action: string;
    entity: string;
    record_id: string;
    before: unknown;
    after: unknown;
  };
  essaim_settings: { key: string; value: unknown; updated_at: Generated<Date> };
  regions: { code: string; name: string; name_folded: string; zone: string };
  departements: { code: string; name: string; name_folded: string; region_code: string; zone: string };
  epcis: { code: string; name: string; name_folded: string; kind: string; population: number | null };
  communes: {
    code: string;
    name: string;
    name_folded: string;
    departement_code: string;
    region_code: string;
    epci_code: string | null;
    population: number | null;
    postal_codes: string[];
  };
  themes: { code: string; label: string; position: Generated<number> };
  organisations: Timestamps & {
    id: Uuid;
    name: string;
    siret: string | null;
    siren: string | null;
    legal_category: string | null;
    kind: string;
    siae_kind: string | null;
    ess: boolean;
    esus: boolean;
    naf_code: string | null;
    commune_code: string | null;
    epci_code: Derived;
    departement_code: Derived;
    region_code: Derived;
    website: string | null;
    description: string;
    search: Search;
  };
  organisation_themes: { organisation_id: string; theme_code: string };
  people: Timestamps & {
    id: Uuid;
    first_name: string;
    last_name: string;
    email: string | null;
    phone: string | null;
    organisation_id: string | null;
    titles: string[];
    is_advisor: boolean;
    is_public_sponsor: boolean;
    administration_id: string | null;
    search: Search;
  };
  collectives: Timestamps & {
    id: Uuid;
    name: string;
    territory_label: string;
    label_date: ColumnType<Date | null, string | null, string | null>;
    wave: number | null;
    coordinator_id: string | null;
    description: string;
    website: string | null;
    search: Search;
  };
  collective_perimeter: TerritoryRefColumns & { collective_id: string };
  collective_members: { collective_id: string; organisation_id: string };
  projects: Timestamps & {
    id: Uuid;
    title: string;
    summary: string;
    description: string;
    collective_id: string | null;
    lead_organisation_id: string | null;
    stage: string;
    funding_need_eur: number | null;
    instruments: string[];
    commune_code: string | null;
    epci_code: Derived;
    departement_code: Derived;
    region_code: Derived;
    status: string;
    beneficiaries: number | null;
    search: Search;
  };
  project_themes: { project_id: string; theme_code: string };
  project_partners: { project_id: string; organisation_id: string };
  funds: Timestamps & {
    id: Uuid;
    name: string;
    manager_id: string | null;
    french_impact: boolean;
    amount_mobilisable_eur: number;
    stages: string[];
    instruments: string[];
    ticket_min_eur: number | null;
    ticket_max_eur: number | null;
    description: string;
    search: Search;
  };
  fund_themes: { fund_id: string; theme_code: string };
  fund_territories: TerritoryRefColumns & { fund_id: string };
  pioneers: Timestamps & {
    id: Uuid;
    organisation_id: string;
    label_year: number;
    description: string;
  };
  sponsor_profiles: {
    person_id: string;
    grade: string;
    expertise: string[];
    territories: string[];
    capacity: number;
    paused_until: ColumnType<string | null, string | null, string | null>;
    updated_at: Generated<Date>;
  };
  sponsorship_needs: Timestamps & {
    id: Uuid;
    organisation_id: string;
    categories: string[];
    description: string;
    urgency: string;
    administration_ids: string[];
    territory: string | null;
    status: string;
    source: Generated<string>;
    matched_at: Date | null;
  };
  sponsorships: Timestamps & {
    id: Uuid;
    need_id: string;
    sponsor_person_id: string;
    status: string;
    score: number;
    reasons: ColumnType<unknown, string, string>;
    proposed_at: Date | null;
    deadline: Date | null;
    answered_at: Date | null;
    decline_reason: string | null;
    started_at: Date | null;
    closed_at: Date | null;
    closing_summary: Generated<string>;
    sponsor_rating: number | null;
    sponsor_again: boolean | null;
    structure_rating: number | null;
    structure_again: boolean | null;
  };
  sponsorship_objectives: { id: Uuid; sponsorship_id: string; position: number; label: string; outcome: string | null };
  sponsorship_sessions: {
    id: Uuid;
    sponsorship_id: string;
    date: ColumnType<string, string, string>;
    duration_minutes: number;
    format: string;
    topics: string[];
    notes: string;
    created_at: Generated<Date>;
  };
  pioneer_beneficiaries: { pioneer_id: string; year: number; count: number };
  pioneer_champions: { pioneer_id: string; organisation_id: string };
  sector_programmes: Timestamps & {
    id: Uuid;
    name: string;
    theme_code: string | null;
    started_on: ColumnType<Date | null, string | null, string | null>;
    description: string;
    search: Search;
  };
  sector_programme_members: { programme_id: string; organisation_id: string; role: string };
  sector_programme_projects: { programme_id: string; project_id: string };
  conference_settings: {
    event_id: string;
    meeting_minutes: number | null;
    break_minutes: number | null;
    days: ColumnType<unknown, string | undefined, string>;
    request_deadline: Date | null;
    max_requests: number | null;
    video_link_pattern: string | null;
    published_at: Date | null;
    updated_at: Generated<Date>;
  };
  conference_slots: { id: Uuid; event_id: string; starts_at: Date; ends_at: Date; tables: number };
  conference_availability_lists: { registration_id: string };
  conference_availability: { registration_id: string; slot_id: string };
  meeting_requests: {
    id: Uuid;
    event_id: string;
    from_registration_id: string;
    to_registration_id: string;
    message: Generated<string>;
    status: Generated<string>;
    answer_message: Generated<string>;
    created_at: Generated<Date>;
    answered_at: Date | null;
  };
  meetings: {
    id: Uuid;
    event_id: string;
    a_registration_id: string;
    b_registration_id: string;
    status: Generated<string>;
    slot_id: string | null;
    table_number: number | null;
    locked: Generated<boolean>;
    weight: number | null;
    mutual: Generated<boolean>;
    sequence: Generated<number>;
    video_url: string | null;
    request_id: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  meeting_feedback: {
    meeting_id: string;
    registration_id: string;
    rating: number;
    comment: Generated<string>;
    follow_up: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  advisor_trainings: { person_id: string; cohort: string; trained_on: ColumnType<string, string, string> };
  advisor_projects: { advisor_id: string; project_id: string; since: ColumnType<string, string, string>; status: Generated<string> };
  investment_leads: Timestamps & {
    id: Uuid;
    project_id: string;
    fund_id: string;
    meeting_id: string | null;
    stage: Generated<string>;
    amount_eur: number | null;
    invested_on: ColumnType<string | null, string | null, string | null>;
  };
  events: Timestamps & {
    id: Uuid;
    kind: string;
    programme: string;
    title: string;
    description: Generated<string>;
    starts_at: ColumnType<Date, Date | string, Date | string>;
    ends_at: ColumnType<Date, Date | string, Date | string>;
    address: string | null;
    commune_code: string | null;
    epci_code: Derived;
    departement_code: Derived;
    region_code: Derived;
    online_url: string | null;
    organiser_organisation_id: string | null;
    capacity: number | null;
    registration_open: Generated<boolean>;
    public: Generated<boolean>;
    search: Search;
  };
  registrations: Timestamps & {
    id: Uuid;
    event_id: string;
    person_id: string | null;
    organisation_id: string | null;
    role: string;
    project_id: string | null;
    fund_id: string | null;
    status: Generated<string>;
    max_meetings: number | null;
  };
  recovery_measures: Timestamps & {
    id: Uuid;
    name: string;
    description: Generated<string>;
    operator_organisation_id: string;
    component: string;
    budget_eur: ColumnType<number | null, number | null, number | null>;
    opens_on: ColumnType<string | null, string | null, string | null>;
    closes_on: ColumnType<string | null, string | null, string | null>;
    window_kind: string;
    url: string | null;
    themes: Generated<string[]>;
    rules: ColumnType<unknown, string, string>;
    opening_notified_at: Date | null;
  };
  organisation_relance_facts: { organisation_id: string; founded_on: ColumnType<string | null, string | null, string | null>; size: string | null };
  obstacles: Timestamps & {
    id: Uuid;
    title: string;
    description: Generated<string>;
    event_id: string | null;
    measure_id: string | null;
    operator_organisation_id: string | null;
    project_id: string | null;
    organisation_id: string | null;
    category: string;
    severity: number;
    owner_account_id: string | null;
    due_on: ColumnType<string | null, string | null, string | null>;
    status: Generated<string>;
    resolution: string | null;
    lifted_at: Date | null;
    raised_by_account_id: string | null;
  };
  obstacle_actions: {
    id: Uuid;
    obstacle_id: string;
    kind: string;
    comment: string | null;
    status: string | null;
    reason: string | null;
    resolution: string | null;
    owner_account_id: string | null;
    account_id: string | null;
    created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  relance_agenda_items: {
    id: Uuid;
    event_id: string;
    position: number;
    title: string;
    measure_id: string | null;
    project_id: string | null;
    notes: Generated<string>;
  };
  relance_minutes: { event_id: string; minutes: string; updated_at: Generated<Date> };
  obstacle_reminders: { obstacle_id: string; kind: string; due_on: ColumnType<string, string, string>; sent_at: Generated<Date> };
  challenges: Timestamps & {
    id: Uuid;
    title: string;
    description: Generated<string>;
    target_kind: string;
    target_siae_kinds: Generated<string[]>;
    starts_on: ColumnType<string, string, string>;
    ends_on: ColumnType<string, string, string>;
  };
  challenge_partners: { challenge_id: string; organisation_id: string };
  challenge_steps: { id: Uuid; challenge_id: string; position: number; label: string; measure: string; target: number };
  challenge_enrolments: {
    challenge_id: string;
    organisation_id: string;
    enrolled_on: ColumnType<string, string, string>;
    source: string;
    done_mask: Generated<number>;
    stage_since: ColumnType<string, string, string>;
    last_progress_on: ColumnType<string | null, string | null, string | null>;
  };
  challenge_weeks: { challenge_id: string; week: ColumnType<string, string, string>; records: number };
  challenge_progress: {
    id: Uuid;
    challenge_id: string;
    organisation_id: string;
    step_id: string;
    value: number;
    recorded_on: ColumnType<string, string, string>;
    evidence_url: string | null;
    account_id: string | null;
    created_at: Generated<Date>;
  };
}
