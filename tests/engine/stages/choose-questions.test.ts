import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_MAX_QUESTIONS, MAX_QUESTIONS } from '../../../src/engine/choose-questions.ts';
import { recommend } from '../../../src/engine/recommend.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import type { Profile, ProfileField } from '../../../src/profile/profile-schema.ts';

const knowledgeDir = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});
const asked = (profile: Profile) =>
  recommend(profile, knowledge, { explain: 'none' }).questions.map((question) => question.field);

/** Each row: a situation, the fields that must be asked, the fields that must not. */
describe('questions (stage 7): the rule behind each question', () => {
  it.each<[string, Profile, ProfileField[], ProfileField[]]>([
    [
      'a per-item task (classification) asks for labels and volume, not for the goal or knowledge churn',
      { task: 'sort incoming customer emails into categories', taskType: 'classify' },
      ['labeledExamples', 'requestsPerDay'],
      ['goals', 'knowledgeChanges'],
    ],
    [
      'image tagging on an API model: labels and volume; documents changing is not a question for images',
      { modelName: 'GPT-4o', taskType: 'image-understand', task: 'tag catalogue images with attributes' },
      ['labeledExamples', 'requestsPerDay'],
      ['knowledgeChanges', 'goals'],
    ],
    ['an open-ended chat task still asks the goal', { task: 'help our sales team', taskType: 'chat' }, ['goals'], []],
    [
      'a team that tunes on a model its vendor shuts down within a quarter asks whether it may move to another',
      {
        modelName: 'GPT-4o mini',
        modelStage: 'fine-tuned',
        task: 'draft support replies in our approved voice',
        taskType: 'generate',
        labeledExamples: 2400,
        goals: ['style'],
        tried: [{ method: 'managed-fine-tuning', result: 'good-enough' }],
      },
      ['canSwitchModel'],
      [],
    ],
    [
      'a prompt on the same retiring model carries over to a successor: no question about switching',
      { modelName: 'GPT-4o mini', task: 'write product descriptions', taskType: 'generate', goals: ['style'] },
      [],
      ['canSwitchModel'],
    ],
    [
      'with nothing said of the need, a shutdown within two months asks whether the model may change',
      { modelName: 'GPT-4o mini' },
      ['canSwitchModel'],
      [],
    ],
    [
      'a team calling an API model it has not named is asked which one',
      {
        task: 'write product descriptions in our brand voice',
        taskType: 'generate',
        deployment: 'cloud-api',
        labeledExamples: 3000,
        goals: ['style'],
      },
      ['modelName'],
      [],
    ],
    [
      'an alarm classifier on an edge gateway asks device memory and the latency target',
      {
        modelName: 'Llama 3.1 8B Instruct',
        task: 'classify PLC alarms on an offline edge gateway',
        taskType: 'classify',
        deployment: 'edge',
        labeledExamples: 300,
      },
      ['deviceMemoryGB', 'latencyTargetMs'],
      [],
    ],
    [
      'defect detection on photos asks where the model runs',
      { task: 'detect defects in weld photos', modality: 'image', taskType: 'image-understand' },
      ['deployment'],
      [],
    ],
    [
      'prompting on a phone with data kept on it asks device memory, not the GPUs',
      {
        task: 'summarise notes on the phone offline',
        taskType: 'generate',
        deployment: 'mobile',
        dataMustStayOnPrem: true,
        goals: ['on-device'],
      },
      ['deviceMemoryGB'],
      ['gpuName', 'gpuCount', 'gpuMemoryGB', 'oneTimeBudgetUSD'],
    ],
    [
      'regulated data bound for an API model asks whether it may leave, even for a team already on the API',
      { modelName: 'GPT-4.1', task: 'triage SIEM alerts and write a first-pass verdict', requestsPerDay: 400_000 },
      ['dataMustStayOnPrem'],
      [],
    ],
    [
      'public content on an API model does not ask residency',
      { modelName: 'GPT-4.1', task: 'write product descriptions for our catalogue', taskType: 'generate' },
      [],
      ['dataMustStayOnPrem'],
    ],
    [
      'a task that answers while someone waits asks the latency target',
      { task: 'voice bot for our call centre', requestsPerDay: 8000 },
      ['latencyTargetMs'],
      [],
    ],
    [
      'an open model too big for the team’s own GPUs asks whether data may go to a rented GPU',
      {
        modelName: 'Llama 3.1 70B',
        task: 'answer staff questions about our products from 50,000 policy documents',
        unlabeledCorpus: 'large',
        gpuName: 'RTX 4090',
        gpuCount: 1,
      },
      ['dataMustStayOnPrem'],
      [],
    ],
    [
      'preference pairs on an open model of unknown stage ask whether it is a base or an instruct checkpoint',
      {
        modelName: 'Mistral 7B',
        task: 'internal writing assistant',
        taskType: 'generate',
        preferencePairs: 8000,
        goals: ['alignment'],
        gpuName: 'RTX 4090',
        gpuCount: 1,
      },
      ['modelStage'],
      [],
    ],
    [
      'a task in a few words with no shape asks the shape after the goal',
      { task: 'make it better at our insurance domain', modelName: 'GPT-4o mini' },
      ['goals', 'taskType'],
      [],
    ],
    [
      'on a phone, device memory is asked before residency or GPUs',
      { task: 'suggest short replies offline on the phone', taskType: 'generate', deployment: 'mobile' },
      ['deviceMemoryGB'],
      [],
    ],
    [
      'distillation from an API model asks whether the team may serve another model',
      { modelName: 'Gemini 2.5 Pro', task: 'summarise sales calls', taskType: 'generate', goals: ['cost'] },
      ['canSwitchModel', 'requestsPerDay'],
      [],
    ],
    [
      'a latency goal asks the latency target',
      {
        modelName: 'GPT-4o',
        task: 'translate live chat messages',
        taskType: 'generate',
        goals: ['latency', 'cost'],
        tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
      },
      ['latencyTargetMs'],
      [],
    ],
    [
      'a 70B model that does not fit one 24 GB card asks whether the model may change',
      {
        modelName: 'Llama 3.1 70B',
        task: 'draft shipping emails',
        taskType: 'generate',
        gpuName: 'RTX 4090',
        gpuCount: 1,
      },
      ['canSwitchModel'],
      [],
    ],
    [
      'preference tuning asks for the pairs before the GPUs',
      {
        modelName: 'Llama 3.3 70B Instruct',
        modelStage: 'instruct',
        task: 'supportive companion chat',
        taskType: 'chat',
        goals: ['alignment'],
        deployment: 'cloud-self-hosted',
      },
      ['preferencePairs'],
      [],
    ],
    [
      'a self-served, interactive assistant asks load and latency (they size the serving GPUs)',
      {
        task: 'citizen help chatbot over guidance pages with citations',
        taskType: 'chat',
        knowledgeChanges: 'weekly',
        needsCitations: true,
        dataMustStayOnPrem: true,
        deployment: 'on-prem',
        gpuName: 'L40S',
        gpuCount: 2,
        unlabeledCorpus: 'large',
        goals: ['knowledge', 'freshness', 'citations'],
      },
      ['requestsPerDay', 'latencyTargetMs'],
      ['modality'],
    ],
    [
      'a team already on a vendor model, staying on its channel, is not asked about residency',
      {
        modelName: 'Gemini 2.5 Flash',
        task: 'suggest headlines in our house style',
        taskType: 'generate',
        goals: ['style'],
        needsStyleOrFormat: true,
        labeledExamples: 5000,
        deployment: 'cloud-api',
      },
      ['requestsPerDay'],
      ['dataMustStayOnPrem'],
    ],
    [
      'safety-critical work on a vendor model still asks residency',
      {
        modelName: 'GPT-4o',
        task: 'extract medications from discharge letters',
        taskType: 'extract',
        needsStyleOrFormat: true,
        safetyCritical: true,
        labeledExamples: 500,
      },
      ['dataMustStayOnPrem'],
      [],
    ],
    [
      'a base model and a corpus say nothing of what the model is for: the task is asked',
      { modelName: 'Llama 3.1 8B', modelStage: 'base', unlabeledCorpus: 'large', gpuName: 'H100', gpuCount: 8 },
      ['task'],
      [],
    ],
    [
      'asked to tune a model no channel can tune: whether another model may be used',
      { modelName: 'Claude Sonnet 4', task: 'Fine-tune Claude on our legal contracts' },
      ['canSwitchModel'],
      [],
    ],
    [
      'a style wish told to prompt first: whether prompting was already tried',
      { modelName: 'GPT-4o', goals: ['style'], task: "Make GPT-4o's customer replies sound like our brand voice" },
      ['tried'],
      [],
    ],
    [
      'a training destination with nothing said about prompting: what was tried decides the first step',
      {
        modelName: 'Gemini 2.5 Flash',
        task: 'suggest headlines in our house style',
        taskType: 'generate',
        goals: ['style'],
        needsStyleOrFormat: true,
        labeledExamples: 5000,
        deployment: 'cloud-api',
      },
      ['tried'],
      [],
    ],
    [
      'documents of unknown size: their size (prompt, retrieval or pre-training), not whether they exist',
      {
        modelName: 'GPT-4o mini',
        task: 'answer questions about our HR policies',
        taskType: 'chat',
        goals: ['knowledge'],
      },
      ['corpusTokens'],
      ['unlabeledCorpus'],
    ],
    [
      'no model named, a GPU of its own: the proposed model is sized to it, so no budget or tie question',
      {
        deployment: 'mobile',
        deviceMemoryGB: 3,
        labeledExamples: 3000,
        gpuName: 'RTX 4090',
        gpuCount: 1,
        taskType: 'generate',
      },
      [],
      ['oneTimeBudgetUSD', 'canSwitchModel', 'dataMustStayOnPrem'],
    ],
    [
      'an open 70B named with nothing said about GPUs or where it runs: which GPUs is asked',
      { modelName: 'Llama 3.1 70B Instruct', task: 'flag risky trader chat messages', taskType: 'classify' },
      ['gpuName'],
      [],
    ],
    [
      'fine-tuning a 70B on one 24 GB card: the rental budget is asked with whether the model may change',
      { modelName: 'Llama 3.1 70B', gpuName: 'RTX 4090', gpuCount: 1, task: 'fine-tune it on our company data' },
      ['canSwitchModel', 'oneTimeBudgetUSD'],
      [],
    ],
    [
      "a team on an API model is not asked where the model runs: the vendor's API is implied",
      {
        modelName: 'GPT-4o mini',
        task: 'write product descriptions in our brand voice',
        taskType: 'generate',
        needsStyleOrFormat: true,
        labeledExamples: 1500,
      },
      [],
      ['deployment'],
    ],
    [
      'tagging news articles (a per-item task) does not ask whether knowledge changes: "news" is the input',
      { modelName: 'GPT-4o mini', task: 'tag news articles into 120 topics', taskType: 'classify' },
      [],
      ['knowledgeChanges'],
    ],
    [
      'an image generator does not ask whether knowledge changes',
      { modelName: 'SDXL', task: 'render our plush mascot in new scenes for social posts' },
      [],
      ['knowledgeChanges'],
    ],
    [
      'health records for an API model: residency is asked first, although the team already calls the vendor',
      {
        modelName: 'GPT-4o',
        task: 'pull diagnoses and medications from hospital discharge letters into EHR fields',
        taskType: 'extract',
      },
      ['dataMustStayOnPrem'],
      [],
    ],
    [
      'invoices on an API model the team already calls: residency is answered by the use itself',
      { modelName: 'GPT-4o', task: 'pull totals and dates from supplier invoices', taskType: 'extract' },
      [],
      ['dataMustStayOnPrem'],
    ],
    [
      'public content with no model named (product descriptions): residency is not among the questions',
      { task: 'write product descriptions in our brand voice', taskType: 'generate', labeledExamples: 2000 },
      [],
      ['dataMustStayOnPrem'],
    ],
    [
      'a conversation on a device (NPC dialogue on an edge box): the latency target is asked with the device memory',
      {
        task: 'in-character NPC dialogue generated locally in the game',
        taskType: 'chat',
        deployment: 'edge',
        deviceMemoryGB: 4,
        labeledExamples: 15000,
        goals: ['style', 'on-device'],
      },
      ['latencyTargetMs'],
      [],
    ],
    [
      'work that often runs on a device (voice notes in an app): where the model runs is asked',
      {
        modelName: 'Whisper small',
        taskType: 'transcribe',
        task: 'improve voice-note transcription quality for our users',
      },
      ['deployment'],
      [],
    ],
    [
      'a base model headed for instruction tuning: whether an instruct checkpoint may be used instead',
      {
        modelName: 'Mistral 7B v0.1',
        modelStage: 'base',
        labeledExamples: 2000,
        gpuName: 'RTX 3090',
        gpuCount: 1,
        oneTimeBudgetUSD: 0,
        goals: ['instruction-following'],
      },
      ['canSwitchModel'],
      [],
    ],
    [
      'a model only QLoRA squeezes onto the GPUs: whether a smaller one may be used',
      {
        modelName: 'Qwen2.5 14B',
        modelStage: 'instruct',
        taskType: 'extract',
        labeledExamples: 1200,
        gpuName: 'T4',
        gpuCount: 1,
        oneTimeBudgetUSD: 0,
        tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
      },
      ['canSwitchModel'],
      [],
    ],
    [
      'no model named and no GPUs said: whether it is an API model or open weights decides who can tune it',
      { task: 'write articles in the house voice', taskType: 'generate', goals: ['style'] },
      ['modelAccess'],
      [],
    ],
    [
      'no model named, data on the premises: open weights are a given, access is not asked',
      { task: 'write articles in the house voice', taskType: 'generate', goals: ['style'], dataMustStayOnPrem: true },
      [],
      ['modelAccess'],
    ],
    [
      'confidential content with no model named (contracts): residency is still asked',
      { task: 'review our customer contracts and flag risky clauses', taskType: 'classify', labeledExamples: 2000 },
      ['dataMustStayOnPrem'],
      [],
    ],
    [
      'a base model and a corpus say what the team has, not what the model is for: the task comes first',
      { modelName: 'Llama 3.1 70B', modelStage: 'base', unlabeledCorpus: 'large', corpusTokens: 5_000_000_000 },
      ['task'],
      [],
    ],
    [
      'a camera on the edge that flags and describes what it sees: which image task, the examples, and its latency',
      {
        task: 'flag and describe weld defects from robot camera images',
        modality: 'vision-language',
        deployment: 'edge',
        deviceMemoryGB: 16,
      },
      ['taskType', 'labeledExamples', 'latencyTargetMs'],
      [],
    ],
    [
      'a task that says it generates images has answered the image fork',
      { modality: 'image', modelAccess: 'api-only', task: 'generate on-brand product images', goals: ['style'] },
      ['labeledExamples'],
      ['taskType'],
    ],
    [
      'a base checkpoint headed for instruction tuning: whether the instruct checkpoint may be used comes early',
      {
        modelName: 'Llama 3.1 8B',
        modelStage: 'base',
        task: 'draft replies to customer emails following our playbook',
      },
      ['canSwitchModel'],
      [],
    ],
    [
      'health records on a vendor API: residency and whether the model may change are asked side by side',
      {
        modelName: 'GPT-4o',
        task: 'extract diagnoses and medications from discharge letters into EHR fields',
        taskType: 'extract',
        needsStyleOrFormat: true,
        safetyCritical: true,
      },
      ['dataMustStayOnPrem', 'canSwitchModel'],
      [],
    ],
    [
      '"make it better" on a model no channel can tune: whether another model may be used is asked',
      { modelName: 'Claude Sonnet', task: 'make it better for our support team' },
      ['canSwitchModel'],
      [],
    ],
    [
      'the examples come before whether prompting was tried: they decide whether tuning can happen at all',
      { task: 'pull 15 fields from supplier invoices into JSON', taskType: 'extract', needsStyleOrFormat: true },
      ['labeledExamples'],
      [],
    ],
    [
      'only where it runs is known (a 4 GB scanner): what it does comes first, and volume is no question on a device',
      { task: 'Run an AI model on our handheld warehouse scanners', deployment: 'edge', deviceMemoryGB: 4 },
      ['taskType', 'labeledExamples'],
      ['requestsPerDay'],
    ],
    [
      'a distillation from a named teacher, only cost known: the task first; the student is no API model to ask about',
      {
        teacherModel: 'Claude Opus',
        task: 'Distill Claude Opus into a smaller model we can run ourselves',
        goals: ['cost'],
      },
      ['taskType'],
      ['modelAccess'],
    ],
    [
      '"fine-tune it on our internal data": documents or examples is the question',
      {
        modelName: 'Llama 3.1 405B',
        task: 'Fine-tune the model on our internal data',
        gpuName: 'H100',
        gpuCount: 8,
        deployment: 'on-prem',
        dataMustStayOnPrem: true,
      },
      ['goals', 'unlabeledCorpus', 'labeledExamples'],
      [],
    ],
  ])('%s', (_name, profile, must, mustNot) => {
    const fields = asked(profile);
    expect(fields.length).toBeLessThanOrEqual(INTAKE_MAX_QUESTIONS);
    // The decisive questions come first: within the first MAX_QUESTIONS even when an intake asks more.
    for (const field of must) expect(fields.slice(0, MAX_QUESTIONS), `${field} asked`).toContain(field);
    for (const field of mustNot) expect(fields, `${field} not asked`).not.toContain(field);
  });

  it('asks back a stated model size ten times off the catalog first (the answer is computed with it meanwhile)', () => {
    const fields = asked({
      modelName: 'Llama 3.1 70B',
      modelParamsB: 7,
      gpuName: 'RTX 4090',
      gpuCount: 1,
      labeledExamples: 1000,
    });
    expect(fields[0]).toBe('modelParamsB');
    // A size within the catalog's tolerance is not a question.
    expect(
      asked({ modelName: 'Llama 3.1 8B', modelParamsB: 8, gpuName: 'RTX 4090', gpuCount: 1, labeledExamples: 1000 }),
    ).not.toContain('modelParamsB');
  });

  it('the task shape fills the modality: a chat task is text, transcription is audio', () => {
    const chat = recommend({ task: 'answer staff questions', taskType: 'chat' }, knowledge, { explain: 'none' });
    expect(chat.questions.map((question) => question.field)).not.toContain('modality');
    const speech = recommend({ taskType: 'transcribe', task: 'transcribe calls' }, knowledge, { explain: 'none' });
    expect(speech.questions.map((question) => question.field)).not.toContain('modality');
  });
});
