import type { ProfileField } from '../profile/profile-schema.ts';

/** The plain-language question for a profile field, and why the advisor asks it. */
export interface FieldQuestion {
  readonly question: string;
  readonly why: string;
}

/** One question per profile field (the Record type makes a missing field a compile error). */
export const FIELD_QUESTIONS: Readonly<Record<ProfileField, FieldQuestion>> = {
  modelName: {
    question: 'Which model do you want to adapt (for example "Llama 3.1 8B" or "GPT-4o mini")?',
    why: 'The model decides its size, whether you can change its weights and which providers can tune it.',
  },
  modelAccess: {
    question:
      'Can you download the model weights, only call it through an API, or call an API that offers fine-tuning?',
    why: 'Methods that change weights need the weights; with an API only, hosted tuning is the sole way to train.',
  },
  modelParamsB: {
    question: 'How many parameters does the model have, in billions?',
    why: 'Size decides how much GPU memory inference and training need and what they cost.',
  },
  modality: {
    question: 'What kind of data does the model work with: text, code, images, audio, or images with text?',
    why: 'Some methods and hosted tuning services only support certain kinds of data.',
  },
  task: {
    question: 'What should the adapted model do, in a sentence?',
    why: 'The task shows whether the gap is missing knowledge or the wrong behaviour.',
  },
  labeledExamples: {
    question: 'How many example inputs with good outputs do you have?',
    why: 'Every training method needs a minimum number of examples; below it, prompting and retrieval are the options.',
  },
  unlabeledCorpus: {
    question: 'Do you have domain documents the model should draw on: none, a small set, or a large collection?',
    why: 'Documents make retrieval possible and can supply knowledge the model lacks.',
  },
  knowledgeChanges: {
    question: 'How often does the knowledge the answers need change: never, rarely, monthly, weekly or daily?',
    why: 'Knowledge that changes often is better retrieved at answer time than trained into weights.',
  },
  needsCitations: {
    question: 'Must answers cite the documents they are based on?',
    why: 'Citations need retrieval: a tuned model cannot point to where it learned something.',
  },
  needsStyleOrFormat: {
    question: 'Must outputs follow a strict tone, style or format?',
    why: 'Consistent style and format across many calls is what fine-tuning does best.',
  },
  gpuName: {
    question: 'Which GPUs do you have (for example "A100 80GB" or "RTX 4090")?',
    why: 'The GPU decides memory, speed and cost of training and serving.',
  },
  gpuCount: {
    question: 'How many GPUs can you use (0 if none)?',
    why: 'Without GPUs only prompting, retrieval and hosted tuning remain; more GPUs fit bigger jobs.',
  },
  gpuMemoryGB: {
    question: 'How much memory does each GPU have, in GB?',
    why: 'Memory per GPU decides whether inference, LoRA, QLoRA or full fine-tuning fit.',
  },
  oneTimeBudgetUSD: {
    question: 'What one-time budget do you have for training, in US dollars?',
    why: 'Training runs cost GPU-hours; the budget decides which ones are affordable.',
  },
  monthlyBudgetUSD: {
    question: 'What monthly budget do you have for running the model, in US dollars?',
    why: 'Self-hosting keeps GPUs running every month; the budget decides whether that is affordable.',
  },
  mlExpertise: {
    question: 'How much machine-learning experience does the team have: none, basic, intermediate or expert?',
    why: 'Training and serving your own model needs more expertise than prompting or a hosted service.',
  },
  latencyTargetMs: {
    question: 'How fast must a response be, in milliseconds?',
    why: 'Long prompts and retrieval add latency; a tuned or smaller model can answer faster.',
  },
  requestsPerDay: {
    question: 'About how many requests per day do you expect?',
    why: 'Volume decides whether self-hosting or a smaller distilled model becomes cheaper than an API.',
  },
  deployment: {
    question:
      'Where will the model run: a cloud API, your own cloud servers, on premises, on edge devices, or on phones?',
    why: 'Where it runs limits model size and rules hosted services in or out.',
  },
  dataMustStayOnPrem: {
    question: 'Must all data stay on your own premises?',
    why: 'If data cannot leave, hosted APIs and hosted tuning are ruled out.',
  },
  timelineWeeks: {
    question: 'How many weeks do you have until this must work?',
    why: 'Training projects take longer to set up and evaluate than prompting or retrieval.',
  },
  multilingual: {
    question: 'Must it work in several languages?',
    why: 'Languages the base model handles poorly change which methods help.',
  },
  safetyCritical: {
    question: 'Could a wrong answer cause real harm (medical, legal, financial, safety)?',
    why: 'Safety-critical use calls for grounded, citable answers and careful evaluation.',
  },
  tasksCount: {
    question: 'How many distinct tasks or customers will share one base model?',
    why: 'Many tasks on one base favour small swappable adapters over separate full copies.',
  },
};
