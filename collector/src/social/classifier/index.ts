export { type SocialPost, classifyPost } from './classify-post';
export { type ClassifyStreamResult, classifyStream, ClassifyInputSchema } from './classify-stream';
export { KENYAN_COUNTIES, type KenyanCounty } from './kenyan-counties';
