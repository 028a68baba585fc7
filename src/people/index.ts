// People as readers meet them: bylines, author pages and the profiles behind them.
export { mayEditProfile, saveProfile } from './profile.js';
export {
  type AuthorCursor,
  findBylinePeople,
  findProfile,
  findPublicPersonBySlug,
  listAuthorStories,
  listPublicPeople,
  type Profile,
  type PublicPerson,
} from './queries.js';
export { authorPath } from './urls.js';
