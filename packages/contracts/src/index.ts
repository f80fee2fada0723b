export { RIGHTS, ALL_RIGHTS, DATA_SCOPES, rightFunction } from './rights';
export type { Right, RouteAccess } from './rights';
export { ERRORS } from './errors';
export type { ErrorCode, ApiError, FieldError } from './errors';
export { Id, IdParams, Timestamp, ClockTime, CalendarDate, IpRange, Ok, PageQuery, pageOf } from './common';
export {
  Department, DepartmentInput, USER_STATUSES, UserStatus, User, Password, UserInput, UserCreate, UserQuery,
  PasswordReset, Group, GroupInput, RightName, DataScope, Role, RoleInput, Shift, ShiftInput,
} from './organisation';
export {
  LoginInput, Me, PasswordChange, ApiToken, ApiTokenInput, ApiTokenCreated, CSRF_HEADER, SESSION_COOKIE,
} from './auth';
export { AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditOutcome, AuditEntry, AuditQuery } from './audit';
export type { AuditAction } from './audit';
export {
  DictionaryType, DictionaryTypeInput, DictionaryItem, DictionaryItemInput, TimeInterval, Weekday, WorkHours,
  SPECIAL_DAY_KINDS, SpecialDay, BusinessCalendar, WeekInput, CalendarCheckQuery, CalendarCheck, PARAMETERS,
  Parameter, ParameterUpdate, Announcement, AnnouncementInput, AnnouncementReader,
} from './reference';
export type { ParameterDefinition, ParameterKey } from './reference';
export {
  Extension, InboundNumber, SipPassword, PhoneRegistration, PhoneAccount, PhoneAccountInput, TRUNK_KINDS, TRUNK_REGISTRATION_STATES, Trunk,
  HostPort, TrunkInput,
} from './telephony';
export type { TrunkRegistrationState } from './telephony';
export {
  CALL_DIRECTIONS, CALL_OUTCOMES, LEG_ROLES, CallLeg, CallRecord, CallQuery, Recording, VOICEMAIL_STATUSES, Voicemail, CALLBACK_STATUSES,
  CallbackRequest, TaskUpdate, QUEUE_STRATEGIES, OVERFLOW_ACTIONS, QueueConfig, QueueInput, HotlineRoute, HotlineRouteInput, CALLER_LISTS,
  CallerListEntry, CallerListInput, FLOW_VERSION_STATUSES, IvrFlowSummary, IvrFlowVersion, FlowProblem,
} from './switch';
export type { CallOutcome, LegRole, CallerListKind } from './switch';
export {
  AGENT_STATES, CtiCommand, CtiResult, CallSummary, CtiEvent, CtiSnapshot, WsClientMessage, WsServerMessage,
} from './cti';
export type { AgentPresence, CtiCommandInput } from './cti';
export * from './ivr-flow';
export * from './customers';
export * from './wallboard';
