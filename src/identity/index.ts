export { type AccountKey, accountKey, documentKey, type IdentifierKind } from './account-key.js';
export { codePointName, withoutInvisible } from './invisible.js';
export {
  type AccountJoin,
  type AliasNote,
  type IdentityConflict,
  type IdentityEntry,
  joinAccounts,
  type JoinedAccount,
} from './join.js';
