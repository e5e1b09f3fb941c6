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
      "Do you use the model through a vendor's API (with or without a fine-tuning offer), or one whose weights you can download?",
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
  goals: {
    question:
      'What must get better: missing or changing knowledge, citations, output format or style, task skill, following instructions, alignment with preferences, or cost, latency or running on a device?',
    why: 'The gap decides the method: knowledge is retrieved, behaviour is trained, cost and size are distilled.',
  },
  taskType: {
    question:
      'What shape is the task: chat, generating text, extracting fields, classifying, search, code, transcription, generating images or understanding images?',
    why: 'The task shape decides which methods apply and how much data each needs.',
  },
  preferencePairs: {
    question: 'How many preference pairs (a better and a worse answer to the same prompt) do you have?',
    why: 'Preference tuning (DPO, RLHF) learns from such pairs; without enough of them it is not an option.',
  },
  modelStage: {
    question: 'Is the model a base (pre-trained only) model, an instruct or chat model, or already fine-tuned?',
    why: 'A base model needs instruction tuning before it follows instructions; an instruct model can be prompted.',
  },
  tried: {
    question: 'What have you already tried (prompting, few-shot examples, retrieval, tuning), and how did it go?',
    why: 'A prompt that already plateaued sends the work to tuning; one that is good enough means stop there.',
  },
  teacherModel: {
    question: 'Is there a larger model whose answers you may use to train a smaller one?',
    why: "Distillation trains a small student on a teacher model's outputs; it needs a teacher whose terms allow it.",
  },
  deviceMemoryGB: {
    question: 'How much memory may the model use on the target device, in GB?',
    why: 'Device memory caps the model size, even at 4 bits, and decides whether a smaller or distilled model is needed.',
  },
  corpusTokens: {
    question: 'How large is the domain corpus, roughly in tokens (or pages)?',
    why: 'A small corpus fits in the prompt; a large one needs retrieval, and billions of tokens allow continued pre-training.',
  },
  canSwitchModel: {
    question: 'May the advice propose a different model than the one you named?',
    why: 'When the named model rules out the method that would work, another model is often the way through.',
  },
  exampleTokens: {
    question: 'About how many tokens is one training example, input and output together?',
    why: 'Training time grows with the tokens per example, and memory with the longest sequence.',
  },
  inputTokensPerRequest: {
    question: 'About how many tokens does one request send (prompt, instructions and any retrieved passages)?',
    why: 'An API bill grows with the input tokens of every call, and serving memory with the context it holds.',
  },
  outputTokensPerRequest: {
    question: 'About how many tokens does the model write for one request?',
    why: 'Output tokens are billed at several times the input price, so the length of the answers moves the bill.',
  },
  allowedProviders: {
    question: 'Are you limited to certain clouds or vendors (only Azure, only AWS), and if so which?',
    why: "A provider's tuning job, a hosted trainer or a rented GPU is only an option where the team may use that provider.",
  },
  gpusRented: {
    question: 'Are those GPUs rented (by the hour or month) rather than your own?',
    why: 'GPUs you own cost time, not dollars; rented ones are a monthly bill that a smaller model can cut.',
  },
  currentMonthlySpendUSD: {
    question: 'What do you pay per month today for the model, in US dollars?',
    why: "Today's bill is the baseline a cheaper option must beat; list prices and assumed prompt sizes can be far off it.",
  },
};
