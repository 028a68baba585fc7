// People as readers meet them: bylines, author pages and the profiles behind them.
export {
  type AuthorCursor,
  findBylinePeople,
  findProfile,
  findPublicPersonBySlug,
  listAuthorStories,
  listPublicPeople,
  type Profile,
  type PublicPerson,
  slugTakenByOther,
  writeProfile,
} from './queries.js';
export { authorPath } from './urls.js';
