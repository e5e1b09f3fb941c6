/**
 * Classes of phrasing the chat missed (issue 12, item 4): each case stands for a rule that reads a meaning, not
 * one sentence. Together with the tuning corpus (extraction-corpus.json) these pin what each rule reads and what
 * it must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import type { ProfileField } from '../../../src/profile/profile-schema.ts';
import { loadCorpus } from './corpus-scoring.ts';
import { fixtureCatalog } from './fixture-catalog.ts';

const fields = (message: string, requestedField?: ProfileField) =>
  extractProfile(message, { knowledge: fixtureCatalog, ...(requestedField ? { requestedField } : {}) }).fields;

describe('phrasing classes from issue 12', () => {
  it('reads lines of written dialogue or script as examples of the style, and lines of code as nothing of the kind', () => {
    expect(fields('Our writers have about 20,000 lines of existing NPC dialogue.').labeledExamples).toBe(20_000);
    expect(fields('5k lines of our script').labeledExamples).toBe(5000);
    expect(fields('we have 10,000 lines of code').labeledExamples).toBeUndefined();
  });

  it('reads a bill said to hurt as the cost goal, and not its denial', () => {
    for (const message of [
      'the bill is getting scary',
      'prompting works fine, the cost is the problem',
      'our API bill is painful',
    ])
      expect(fields(message).goals, message).toContain('cost');
    expect(fields('the cost is not the problem').goals ?? []).not.toContain('cost');
  });

  it('reads a bot over the team’s own documents as the knowledge goal and a corpus (small unless a size is said)', () => {
    for (const message of [
      'we want a bot over our wiki',
      'a bot over our knowledge base for the support team',
      'chatbot on top of our help center',
      'an assistant that answers employee questions using our confluence',
    ]) {
      expect(fields(message), message).toMatchObject({ goals: ['knowledge'], unlabeledCorpus: 'small' });
    }
    expect(fields('internal Q&A over our sharepoint, which is massive')).toMatchObject({
      taskType: 'chat',
      unlabeledCorpus: 'large',
    });
    expect(fields('docs change weekly').unlabeledCorpus).toBeUndefined();
    expect(fields("we don't have docs, just a bot over our tickets").unlabeledCorpus).toBe('none');
  });

  it('reads a team of developers as no ML expertise, unless it says it knows ML', () => {
    expect(fields('our team is mostly web developers').mlExpertise).toBe('none');
    expect(fields("we're a team of three backend engineers").mlExpertise).toBe('none');
    expect(fields('we are web developers with some ML experience').mlExpertise).toBe('basic');
  });

  it('reads hedged zeros: "budget is basically zero", "we don\'t really have labeled examples"', () => {
    expect(fields('budget is basically zero').oneTimeBudgetUSD).toBe(0);
    expect(fields('basically zero', 'oneTimeBudgetUSD').oneTimeBudgetUSD).toBe(0);
    expect(fields("we don't really have labeled examples").labeledExamples).toBe(0);
    expect(fields('honestly we have basically no labeled data').labeledExamples).toBe(0);
    // "no data people" is about who is on the team.
    expect(fields('three backend engineers, no data people').labeledExamples).toBeUndefined();
  });

  it('reads what was tried with its outcome in the same sentence, up to the next method named', () => {
    expect(fields("few-shot prompting got us to about 80% but we can't push it further").tried).toEqual([
      { method: 'in-context-learning', result: 'plateaued' },
    ]);
    expect(fields('we set up RAG last quarter and the answers are fine now').tried).toEqual([
      { method: 'rag', result: 'good-enough' },
    ]);
    expect(fields('we already tried a LoRA on Mistral 7B, it overfit badly').tried).toEqual([
      { method: 'lora', result: 'failed' },
    ]);
    expect(fields("prompting alone wasn't enough, the format keeps breaking")).toMatchObject({
      tried: [{ method: 'prompt-engineering', result: 'failed' }],
      goals: ['format'],
    });
    expect(fields('retrieval is working well, prompts are good enough').tried).toEqual([
      { method: 'rag', result: 'good-enough' },
      { method: 'prompt-engineering', result: 'good-enough' },
    ]);
    // The outcome of one method is not given to another named before it.
    expect(fields('we tried prompting, then RAG worked well').tried).toEqual([
      { method: 'rag', result: 'good-enough' },
    ]);
  });

  it('reads whether the model may change', () => {
    expect(fields("we're free to pick any model").canSwitchModel).toBe(true);
    expect(fields("switching models is fine if it's cheaper").canSwitchModel).toBe(true);
    expect(fields('we have to keep using GPT-4o').canSwitchModel).toBe(false);
    expect(fields('we have to keep using our own servers').canSwitchModel).toBeUndefined();
    // "rather not" is a preference, not a correction.
    expect(
      extractProfile("we'd rather not be locked in, any open model works", { knowledge: fixtureCatalog }).corrections,
    ).toEqual([]);
  });

  it('reads the teacher when it generates the training data or teaches a smaller model', () => {
    expect(fields('we want to use Llama 3.1 70B to teach a smaller model').teacherModel).toBe('Llama 3.1 70B');
    expect(fields("we'd generate the training data with GPT-4o").teacherModel).toBe('GPT-4o');
    expect(fields('we use GPT-4o to generate product descriptions').teacherModel).toBeUndefined();
  });

  it('reads preference pairs, base checkpoints, device memory and task shapes said in other words', () => {
    expect(fields('we logged 5k pairs where agents picked the better of two drafts')).toEqual({
      preferencePairs: 5000,
    });
    expect(fields('we use the pretrained checkpoint without any instruction tuning').modelStage).toBe('base');
    expect(fields("it's for a raspberry pi 5 with 8gb").deviceMemoryGB).toBe(8);
    expect(fields('it runs on android phones with 6GB RAM').goals).toEqual(['on-device']);
    expect(fields('pull names, dates and amounts out of contracts').taskType).toBe('extract');
    expect(fields('answer questions about product photos customers upload')).toMatchObject({
      taskType: 'image-understand',
      modality: 'vision-language',
    });
    expect(fields('caption product images for the catalog').taskType).toBe('image-understand');
    // Having transcripts is not transcribing.
    expect(fields('we have roughly 500M tokens of support transcripts').taskType).toBeUndefined();
    // A requirement to fit is a fact, not a question about fit.
    expect(
      extractProfile('the model has to fit in 2GB on the headset', { knowledge: fixtureCatalog }).intents.asksFit,
    ).toBe(undefined);
  });

  it('reads a method as tried when its outcome follows in the same sentence, wherever the method stands', () => {
    expect(fields('QLoRA on my 4090 worked surprisingly well, good enough for v1').tried).toEqual([
      { method: 'qlora', result: 'good-enough' },
    ]);
    expect(fields('we distilled into a 1B model and lost way too much accuracy')).toEqual({
      tried: [{ method: 'distillation', result: 'failed' }],
    });
    expect(fields('prompting and few-shot, both plateaued').tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
      { method: 'in-context-learning', result: 'plateaued' },
    ]);
    expect(fields('RAG gets the facts right, but no amount of prompt tweaking fixes the tone').tried).toEqual([
      { method: 'rag', result: 'good-enough' },
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
    expect(fields('we tried openai fine-tuning, it did not move the needle').tried).toEqual([
      { method: 'managed-fine-tuning', result: 'failed' },
    ]);
    expect(fields('we tried prompting with examples for a month and it plateaued').tried).toEqual([
      { method: 'in-context-learning', result: 'plateaued' },
    ]);
    expect(fields('we tried RAG but it keeps hallucinating').tried).toEqual([{ method: 'rag', result: 'failed' }]);
    // Wished for or weighed, not tried.
    expect(fields('we want prompting with examples').tried).toBeUndefined();
    expect(fields('we want a RAG setup that works well').tried).toBeUndefined();
    expect(fields('would LoRA work well here').tried).toBeUndefined();
  });

  it('reads the task shape of bots, drafts and inspections said in other words', () => {
    expect(fields('internal Notion wiki -> slack bot that answers hr questions').taskType).toBe('chat');
    expect(fields('we want the bot to answer only from the handbook').taskType).toBe('chat');
    expect(fields('it just drafts slack announcements').taskType).toBe('generate');
    expect(fields('each client wants blog posts in their own voice').taskType).toBe('generate');
    expect(fields('detecting weld defects from photos on the line').taskType).toBe('image-understand');
    expect(fields('pulling vendor, total, due date and line items off invoices').taskType).toBe('extract');
    expect(fields('can you summarize what you have so far').taskType).toBeUndefined();
  });

  it('reads where the model runs said in other words', () => {
    expect(fields('everything is on-prem').deployment).toBe('on-prem');
    expect(fields('must be on-prem, nothing leaves the network').deployment).toBe('on-prem');
    expect(fields('it will run locally on field laptops').deployment).toBe('edge');
    expect(fields('we need to move this onto the device itself').deployment).toBe('edge');
    expect(fields('self-hosting on our own EKS cluster').deployment).toBe('cloud-self-hosted');
    // Where the data must stay is another field.
    expect(fields('the data must stay on-prem').deployment).toBeUndefined();
  });

  it('reads GPUs, money, deadlines and latency said in words', () => {
    expect(fields('QLoRA runs on my 4090').gpuCount).toBe(1);
    expect(fields('couple of 4090s sitting in a closet').gpuCount).toBe(2);
    expect(fields('H100s. eight of them. sxm.').gpuCount).toBe(8);
    expect(fields('a GPU with 24 gigs, not sure which model')).toMatchObject({ gpuCount: 1, gpuMemoryGB: 24 });
    expect(fields('one card with eighty gigs of vram').gpuMemoryGB).toBe(80);
    expect(fields('just my laptop, no nvidia anything').gpuCount).toBe(0);
    expect(fields("ten grand one-off for the training run, that's the cap").oneTimeBudgetUSD).toBe(10000);
    expect(fields("can't go over fifty bucks a month on this").monthlyBudgetUSD).toBe(50);
    expect(fields('maybe 20 grand one time, and like 1k/month after for hosting')).toMatchObject({
      oneTimeBudgetUSD: 20000,
      monthlyBudgetUSD: 1000,
    });
    expect(fields('zero for training, but we can pay ~$200 a month for hosting')).toMatchObject({
      oneTimeBudgetUSD: 0,
      monthlyBudgetUSD: 200,
    });
    // Zero said of nothing in particular is nothing now and nothing monthly.
    expect(fields('basically zero budget')).toEqual({ oneTimeBudgetUSD: 0, monthlyBudgetUSD: 0 });
    expect(fields('we have no budget constraints for training').oneTimeBudgetUSD).toBeUndefined();
    expect(fields('twelve weeks till launch').timelineWeeks).toBe(12);
    expect(fields('3 weeks, tops').timelineWeeks).toBe(3);
    expect(fields('the board wants something working in like 6 weeks').timelineWeeks).toBe(6);
    expect(fields('$500 a month, max').timelineWeeks).toBeUndefined();
    expect(fields('needs to come back in under 2 seconds').latencyTargetMs).toBe(2000);
  });

  it("reads the model's share of a device, ML experience and model stages said in other words", () => {
    expect(fields('has to run on android phones, we can give the model maybe 3 gigs of ram').deviceMemoryGB).toBe(3);
    expect(
      fields('jetson orin in the truck, 8 gigs shared between everything, the model can take like 4'),
    ).toMatchObject({ deviceMemoryGB: 4 });
    expect(fields('needs to run offline on iPhones so whatever we pick must fit in ~2GB').deviceMemoryGB).toBe(2);
    expect(fields('it will run locally on laptops with 16 gb ram, assume 8 for the model').deviceMemoryGB).toBe(8);
    // Without a device in view, a memory figure is not the device's.
    expect(fields('the model must fit in 24GB').deviceMemoryGB).toBeUndefined();
    expect(fields('one of us did the fast.ai course and played around with huggingface').mlExpertise).toBe('basic');
    expect(fields('a research team that pretrains its own models').mlExpertise).toBe('expert');
    expect(fields('our team has intermediate ML experience').mlExpertise).toBe('intermediate');
    expect(fields('nobody here codes much beyond wordpress').mlExpertise).toBe('none');
    expect(fields("it's mistral 7b base").modelStage).toBe('base');
    expect(fields('we use the base Llama 3.1 8B, not the instruct').modelStage).toBe('base');
    expect(fields('our model is already a fine-tuned Qwen2.5 7B we made last quarter').modelStage).toBe('fine-tuned');
    expect(fields('40 customers each with their own classifier on the same base model').modelStage).toBeUndefined();
  });

  it('reads volumes, corpus sizes and harm said in other words', () => {
    expect(fields('traffic is around half a million requests a day').requestsPerDay).toBe(500_000);
    expect(fields('way too expensive at 2M txns/day').requestsPerDay).toBe(2_000_000);
    expect(fields('volume about 1,000 claims per day').requestsPerDay).toBe(1000);
    // A token count sizes the corpus when nothing else does: under 200k is small, 5M or more is large.
    expect(fields('we have about 2B tokens of domain text')).toMatchObject({
      corpusTokens: 2e9,
      unlabeledCorpus: 'large',
    });
    expect(fields('maybe 50k tokens of docs total')).toMatchObject({ unlabeledCorpus: 'small' });
    expect(fields('roughly 400k tokens of docs').unlabeledCorpus).toBeUndefined();
    expect(fields('zero labeled data, just raw docs, tons of them').unlabeledCorpus).toBe('large');
    expect(fields('a missed crack can mean a structural failure').safetyCritical).toBe(true);
    expect(fields('it suggests medication doses').safetyCritical).toBe(true);
    // Where the data lives is not a harm.
    expect(fields('patient data cannot leave the hospital network').safetyCritical).toBeUndefined();
  });

  it('reads teachers, languages, change rates, tone, data rules and labels said in other words', () => {
    expect(fields('label everything with gpt-4o, then train a small student on it').teacherModel).toBe('GPT-4o');
    expect(
      fields('currently GPT-4o, works great but too expensive. we would like to distill it into something small'),
    ).toMatchObject({ teacherModel: 'GPT-4o', modelName: 'GPT-4o' });
    // Named only as the teacher, it is not the model being adapted.
    expect(fields('plan is to use GPT-4o as the teacher to generate training data')).toEqual({
      teacherModel: 'GPT-4o',
    });
    expect(fields("open to switching models, we're not attached to gpt-4o")).toMatchObject({
      modelName: 'GPT-4o',
      canSwitchModel: true,
    });
    expect(fields("answers need to come back in the customer's language").multilingual).toBe(true);
    expect(fields('we have users in 9 countries').multilingual).toBe(true);
    expect(fields('corpus of judgments, new ones land daily').knowledgeChanges).toBe('daily');
    expect(fields('it barely changes').knowledgeChanges).toBe('rarely');
    expect(fields('no amount of prompting fixes the tone, it still sounds like a robot').needsStyleOrFormat).toBe(true);
    expect(fields('extract line items from invoices into JSON').needsStyleOrFormat).toBe(true);
    expect(fields("we're fine sending data to openai, no residency issues").dataMustStayOnPrem).toBe(false);
    expect(fields('we have ~50M GPT-4o labels logged already').labeledExamples).toBe(50_000_000);
    expect(fields('we have 200k anonymized (message, reply) pairs').labeledExamples).toBe(200_000);
    expect(fields("thumbs up/down from users, once we paired them up it's roughly 3k pairs")).toEqual({
      preferencePairs: 3000,
    });
    // Hearsay is not the team's fact.
    expect(fields('I read somewhere you need 10,000 examples to fine-tune, true?').labeledExamples).toBeUndefined();
  });
});

describe('found holding conversations as a user', () => {
  it('reads "a few examples in the prompt" as few-shot, coordinated with prompting', () => {
    expect(fields('tried prompting and a few examples in the prompt, both plateaued around 80%').tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
      { method: 'in-context-learning', result: 'plateaued' },
    ]);
  });

  it('reads an on-device model for iPhones as a phone deployment', () => {
    expect(fields('our app needs an on-device model for iPhones').deployment).toBe('mobile');
    expect(fields('we need an on-device model for the kiosk').deployment).toBe('edge');
  });
});

describe('where the model runs, said in more ways', () => {
  it.each([
    ["it's hosted on azure openai", 'cloud-api'],
    ['we call claude from our backend', 'cloud-api'],
    ['we serve it with vLLM on two H100s we own', 'on-prem'],
    ['deploy to the edge, cameras with jetsons', 'edge'],
    ['offline laptops for field engineers', 'edge'],
    ['served from sagemaker', 'cloud-self-hosted'],
    ['we run it on azure VMs', 'cloud-self-hosted'],
  ])('reads %j as %s', (message, deployment) => {
    expect(fields(message).deployment).toBe(deployment);
  });

  it('does not read where tuning is offered as where the model serves', () => {
    expect(fields("gpt-4o mini, and we can fine-tune it through openai's API").deployment).toBeUndefined();
  });
});

describe('outcomes, teachers and corpus sizes said in more ways', () => {
  it.each([
    ["we've tried prompt engineering, it gets us 90% of the way", 'prompt-engineering', 'plateaued'],
    ['we experimented with fine-tuning on 1k examples, no real gain', 'full-fine-tuning', 'failed'],
    ['we gave RAG a shot but it hallucinated anyway', 'rag', 'failed'],
    ['prompt tuning was a waste of time', 'prompt-tuning', 'failed'],
    ['adding examples to the prompt helped a bit', 'in-context-learning', 'plateaued'],
  ])('reads %j as %s %s', (message, method, result) => {
    expect(fields(message).tried).toEqual([{ method, result }]);
  });

  it('reads a teacher that would teach a smaller model, and corpus sizes in words', () => {
    expect(fields('the big model (Llama 3.1 70B) would teach the 8B')).toEqual({ teacherModel: 'Llama 3.1 70B' });
    expect(fields('millions of product reviews').unlabeledCorpus).toBe('large');
    expect(fields('several thousand support articles').unlabeledCorpus).toBe('large');
  });
});

describe('goals waved away', () => {
  it.each([
    "we don't care about the output format",
    'no need to run on device',
    'json would be nice but not required',
    "cost isn't really a concern",
  ])('reads no goal in %j', (message) => {
    expect(fields(message).goals).toBeUndefined();
  });

  it('still reads a goal the team is unhappy about', () => {
    expect(fields('we are not happy with the output format').goals).toEqual(['format']);
  });
});

describe('the v2-annotated tuning utterances', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge(fileURLToPath(new URL('../../../knowledge', import.meta.url)));
  });
  // Written for the classes above (and the earlier v2 fields work); an independent batch (source) is measured by
  // the report instead, since its writer may read a message differently.
  const written = loadCorpus().filter((utterance) => utterance.gradesV2 === true && utterance.source === undefined);

  it.each(written.map((utterance) => [utterance.text, utterance] as const))('reads %j exactly', (_text, utterance) => {
    const { task: _task, ...read } = extractProfile(utterance.text, {
      knowledge,
      ...(utterance.requestedField ? { requestedField: utterance.requestedField } : {}),
    }).fields;
    const { task: _expectedTask, ...expected } = utterance.expected;
    // Lists compare as sets; names compare by the catalog entry they resolve to.
    const sortLists = (profile: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(profile).map(([key, value]) => {
          // (A tried entry's note is the extractor's own words for the engine, not graded.)
          if (Array.isArray(value))
            return [
              key,
              [...value]
                .map((item) => {
                  if (item === null || typeof item !== 'object') return JSON.stringify(item);
                  const { note: _note, ...rest } = item as Record<string, unknown>;
                  return JSON.stringify(rest);
                })
                .sort(),
            ];
          if (key === 'modelName' || key === 'teacherModel')
            return [key, knowledge.findModel(String(value))?.id ?? value];
          if (key === 'gpuName') return [key, knowledge.findGpu(String(value))?.id ?? value];
          return [key, value];
        }),
      );
    expect(sortLists(read)).toEqual(sortLists(expected));
  });
});

describe('task shapes from first descriptions (independent batches x4/x5)', () => {
  it.each([
    ['I want it to answer questions about our internal wiki', 'chat'],
    ['help center bot for a game studio', 'chat'],
    ['players ask in english, spanish and german', 'chat'],
    ['an in-car assistant for the owner’s manual', 'chat'],
    ['the assistant helps nurses with medication dosing', 'chat'],
    ['we pull 20 fields out of ID documents (already OCR’d to text) into a JSON schema', 'extract'],
    ['pull diagnoses and meds from discharge notes into structured fields', 'extract'],
    ['spoken commands already transcribed, the model maps them to a JSON action', 'extract'],
    ['tagging news articles with 300+ topics', 'classify'],
    ['we moderate user comments: toxic, spam or ok', 'classify'],
    ['generate SEO headlines in our house style', 'generate'],
    ['social posts in each client’s voice', 'generate'],
    ['a draft generator in our tone', 'generate'],
    ['we build a coding agent for data engineers', 'code'],
    ['better at our internal DSL for config generation', 'code'],
  ])('reads %j as %s', (message, taskType) => {
    expect(fields(message).taskType).toBe(taskType);
  });

  it('does not read "customers ask about 30 topics" as a chat task', () => {
    expect(fields('customers ask about 30 different topics').taskType).toBeUndefined();
  });
});

describe('ML expertise as teams describe themselves (independent batches x4/x5)', () => {
  it.each([
    ['Research lab here. We have a base 7B we pretrained ourselves', 'expert'],
    ["we've done LoRA plenty of times", 'expert'],
    ['we train models all day, not LLM experts though', 'intermediate'],
    ['two ML engineers, comfortable with HF trainer', 'intermediate'],
    ['8 devs, none of them ML people', 'none'],
  ])('reads %j as %s', (message, level) => {
    expect(fields(message).mlExpertise).toBe(level);
  });
});

describe('switching, what was tried, and the teacher (independent batches x4/x5)', () => {
  it.each([
    ['We can swap the model entirely', true],
    ["we're open to anything", true],
    ['Fine with switching to something smaller', true],
    ["We must use Cohere Command R because it's what's approved", false],
  ])('reads %j as canSwitchModel %s', (message, value) => {
    expect(fields(message).canSwitchModel).toBe(value);
  });

  it('reads outcomes after a model name with a version dot, and plateaus said as a ceiling', () => {
    expect(
      fields("we already did a LoRA on qwen2.5 7b last month and honestly it's good enough for the extraction part")
        .tried,
    ).toEqual([{ method: 'lora', result: 'good-enough' }]);
    expect(fields('few-shot prompting got to ~85% and it wont go higher').tried).toEqual([
      { method: 'in-context-learning', result: 'plateaued' },
    ]);
    expect(fields('prompt engineering got us nowhere tbh').tried).toEqual([
      { method: 'prompt-engineering', result: 'failed' },
    ]);
  });

  it('reads the model whose outputs a student is trained on as the teacher, not a model whose answers are fine', () => {
    expect(fields("move to Llama 3.2 1B trained on GPT-4o's outputs").teacherModel).toBe('GPT-4o');
    expect(fields("GPT-4o's answers are fine").teacherModel).toBeUndefined();
  });
});

describe('model access said in passing (independent batches x4/x5)', () => {
  it.each([
    ['we only have API access to it, no weights', 'api-only'],
    ["a model we only call through the vendor's endpoint, no way to tune it", 'api-only'],
    ['google lets us run tuning jobs on that gemini model', 'api-with-finetuning'],
  ])('reads %j as %s', (message, access) => {
    expect(fields(message).modelAccess).toBe(access);
  });

  it('does not read "weights and biases" as having no weights', () => {
    expect(fields('we log no weights and biases runs').modelAccess).toBeUndefined();
  });

  it('reads "X and a half" counts, a document counted after it, and one long document as a small corpus', () => {
    expect(fields('about two and a half billion tokens of engineering docs').corpusTokens).toBe(2_500_000_000);
    expect(fields('one and a half million requests a day').requestsPerDay).toBe(1_500_000);
    expect(fields('the problem is the docs, there are 2 million of them').unlabeledCorpus).toBe('large');
    expect(fields('we have a few dozen internal pdfs').unlabeledCorpus).toBe('small');
    expect(fields('it answers from our 300 page employee handbook').unlabeledCorpus).toBe('small');
  });

  it('reads a model named only as what is distilled into an unnamed smaller one as the teacher alone', () => {
    const distilled = fields('plan is to distill gpt-4o into something small we can self-host');
    expect(distilled.teacherModel).toBe('GPT-4o');
    expect(distilled.modelName).toBeUndefined();
    const generated = fields('we generated 40k prompt/response pairs from gpt-4o to train a smaller model on');
    expect(generated.teacherModel).toBe('GPT-4o');
    expect(generated.modelName).toBeUndefined();
  });

  it('reads another business unit’s model as theirs, and "the instruction tuned one" as the instruct stage', () => {
    expect(fields('the other BU fine-tuned mistral 7b and it went badly').modelName).toBeUndefined();
    expect(fields('we downloaded gemma 2 9b, the instruction tuned one').modelStage).toBe('instruct');
    expect(
      fields('we instruction tuned it on 20k pairs and now it follows instructions fine').modelStage,
    ).toBeUndefined();
  });

  it('reads one sprint of a stated length, a share of device memory in words, and a prompt pushed as far as it goes', () => {
    expect(fields('timeline: next sprint. sprints are two weeks.').timelineWeeks).toBe(2);
    expect(fields('laptops, offline; IT says the model gets six gigs max').deviceMemoryGB).toBe(6);
    expect(fields('we pushed the prompt as far as it goes, still misses details').tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
  });

  it('reads European thousands in money, "one-off" as no number, a monthly ceiling, a fortnight and an app share of memory', () => {
    expect(fields('€12.000 for the project').oneTimeBudgetUSD).toBe(12_000);
    expect(fields("we don't really do one-off spend, only opex, around 2 grand a month", 'oneTimeBudgetUSD')).toEqual({
      monthlyBudgetUSD: 2000,
    });
    expect(fields("the monthly cloud bill can't exceed 1.5k").monthlyBudgetUSD).toBe(1500);
    expect(fields('we demo to the board in a fortnight').timelineWeeks).toBe(2);
    expect(fields('the tablets have 6 gigs total but the app can only take like 2').deviceMemoryGB).toBe(2);
  });

  it('reads ratings that were never paired as no preference pairs, and "collapsed" as a failed run', () => {
    expect(fields('thumbs up/down on about 40k answers but no actual side-by-side pairs').preferencePairs).toBe(0);
    expect(fields('also one LoRA run that totally collapsed').tried).toEqual([{ method: 'lora', result: 'failed' }]);
    expect(fields("whatever is cheapest, we're not attached to anything").canSwitchModel).toBe(true);
  });
});
