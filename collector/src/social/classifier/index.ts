export { classifyPost, type SocialPost } from './classify-post';
export { ClassifyInputSchema, type ClassifyStreamResult, classifyStream } from './classify-stream';
export { KENYAN_COUNTIES, type KenyanCounty } from './kenyan-counties';
