import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { MethodId, Profile } from '../../src/profile/profile-schema.ts';

const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});

const planMethods = (profile: Profile): MethodId[][] =>
  recommend(profile, knowledge, { explain: 'none' }).plan.map((step) => step.methods);
const reasonRules = (profile: Profile, method: MethodId): string[] =>
  recommend(profile, knowledge, { explain: 'none' })
    .recommendations.find((entry) => entry.method === method)
    ?.reasons.map((reason) => reason.ruleId) ?? [];

describe('advice on the real knowledge base', () => {
  it('keeps CLIP label prompts viable but rules out generation-only methods', () => {
    const result = recommend({ modelName: 'CLIP ViT-L/14', gpuName: 'A100 40GB', labeledExamples: 500 }, knowledge, {
      explain: 'none',
    });
    const verdict = (id: MethodId) => result.recommendations.find((entry) => entry.method === id)?.verdict;
    expect(verdict('prompt-engineering')).not.toBe('not-viable');
    for (const id of ['in-context-learning', 'rag', 'instruction-tuning', 'preference-tuning'] as const)
      expect(verdict(id), id).toBe('not-viable');
  });

  it('does not keep an API-only model where the team serves the model itself (own servers, premises, devices)', () => {
    for (const deployment of ['cloud-self-hosted', 'on-prem', 'edge', 'mobile'] as const) {
      const profile: Profile = {
        modelName: 'GPT-4.1 nano',
        deployment,
        taskType: 'classify',
        labeledExamples: 50000,
        gpuName: 'L4',
        gpuCount: 1,
      };
      const result = recommend(profile, knowledge, { explain: 'none' });
      const verdict = (id: MethodId) => result.recommendations.find((entry) => entry.method === id)?.verdict;
      for (const id of ['prompt-engineering', 'managed-fine-tuning'] as const) {
        expect(verdict(id), `${deployment}: ${id}`).toBe('not-viable');
        expect(reasonRules(profile, id), `${deployment}: ${id}`).toContain('api-model-runs-only-at-its-vendor');
      }
      expect(
        result.destination.method === 'distillation' || result.destination.model?.switched === true,
        deployment,
      ).toBe(true);
    }
    // Through the vendor's API, the same model keeps its managed tuning.
    const api = recommend({ modelName: 'GPT-4.1 nano', deployment: 'cloud-api', labeledExamples: 50000 }, knowledge, {
      explain: 'none',
    });
    expect(api.recommendations.find((entry) => entry.method === 'prompt-engineering')?.verdict).not.toBe('not-viable');
  });

  it('offers hosted LoRA trainers for language models only, and no soft prompts for a diffusion model', () => {
    // The compute options are those of the destination (LoRA in both cases).
    const hosted = (profile: Profile) => {
      const result = recommend(profile, knowledge, { explain: 'none' });
      expect(result.destination.method).toBe('lora');
      return result.computeOptions.some((option) => option.kind === 'hosted');
    };
    const sdxl: Profile = {
      modelName: 'SDXL',
      taskType: 'image-generate',
      labeledExamples: 30,
      gpuName: 'RTX 4090',
      gpuCount: 1,
    };
    expect(hosted(sdxl)).toBe(false);
    const llama: Profile = {
      modelName: 'Llama 3.1 8B',
      labeledExamples: 3000,
      needsStyleOrFormat: true,
      gpuName: 'RTX 4090',
      gpuCount: 1,
    };
    expect(hosted(llama)).toBe(true);
    const verdicts = recommend(sdxl, knowledge, { explain: 'none' }).recommendations;
    for (const id of ['prefix-tuning', 'prompt-tuning'] as const)
      expect(verdicts.find((entry) => entry.method === id)?.verdict, id).toBe('not-viable');
  });

  it('keys the code rule on the task: a code task on a text LLM with 200k pairs favours full fine-tuning', () => {
    const result = recommend(
      {
        modelName: 'Llama 3.1 8B',
        gpuName: 'RTX 4090',
        gpuCount: 8,
        labeledExamples: 200000,
        goals: ['task-skill'],
        taskType: 'code',
        mlExpertise: 'expert',
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.method).toBe('full-fine-tuning');
  });

  it('cuts an API bill with a smaller model, never by tuning a copy of the same API model (billed above the base)', () => {
    const base: Profile = {
      modelName: 'GPT-4o mini',
      taskType: 'classify',
      labeledExamples: 50000,
      requestsPerDay: 2000000,
      goals: ['cost', 'latency'],
      canSwitchModel: true,
    };
    const atVendor = recommend(base, knowledge, { explain: 'none' });
    // (50,000 of the team's own labels and no teacher named: a smaller model is tuned on them, at a provider for a team
    // with nothing to serve on, never a copy of GPT-4o mini.)
    expect(['distillation', 'managed-fine-tuning']).toContain(atVendor.destination.method);
    expect(atVendor.destination.model?.switched).toBe(true);
    expect(atVendor.destination.model?.name).not.toBe('GPT-4o mini');
    // A team that serves models itself trains its own small model on the labels.
    const selfHosted = recommend({ ...base, deployment: 'cloud-self-hosted', gpuName: 'L4', gpuCount: 1 }, knowledge, {
      explain: 'none',
    });
    expect(['lora', 'qlora', 'full-fine-tuning']).toContain(selfHosted.destination.method);
    expect(selfHosted.destination.model?.switched).toBe(true);
  });

  it('never proposes a superseded model (Llama 2, Llama 3) as a substitute', () => {
    const superseded = new Set(knowledge.models.filter((model) => model.supersededBy).map((model) => model.name));
    expect(superseded.size).toBeGreaterThan(0);
    for (const profile of [
      { modelName: 'GPT-4.1', labeledExamples: 3000, needsStyleOrFormat: true, canSwitchModel: true },
      { modelName: 'GPT-4o mini', modelAccess: 'api-with-finetuning', labeledExamples: 800, needsStyleOrFormat: true },
      { modelName: 'GPT-4o', dataMustStayOnPrem: true, gpuName: 'A100 80GB', gpuCount: 8, labeledExamples: 2000 },
    ] as Profile[]) {
      const options = recommend(profile, knowledge, { explain: 'none' }).modelOptions ?? [];
      for (const option of options) expect(superseded.has(option.model), option.model).toBe(false);
    }
  });

  it('costs continued pre-training on the stated corpus (one epoch of 6·P·D), labelled as such', () => {
    const result = recommend(
      {
        modelName: 'Llama 3.1 8B',
        unlabeledCorpus: 'large',
        corpusTokens: 5e9,
        labeledExamples: 0,
        gpuName: 'H100',
        gpuCount: 8,
        goals: ['task-skill', 'knowledge'],
        knowledgeChanges: 'rarely',
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.objective).toBe('continued-pretraining');
    const own = result.computeOptions.find((option) => option.kind === 'own');
    // 6 × 8.03e9 × 5e9 ≈ 2.4e20 FLOP: tens of hours on eight H100s per run, not minutes.
    expect(own?.hours ?? 0).toBeGreaterThan(20);
  });

  it('puts a knowledge base small enough for the prompt into a cached prompt; a large one gets retrieval', () => {
    const small: Profile = {
      modelName: 'Claude Sonnet 4',
      taskType: 'chat',
      task: 'answer employee questions about our HR policies',
      corpusTokens: 60000,
      knowledgeChanges: 'monthly',
      needsCitations: true,
    };
    const result = recommend(small, knowledge, { explain: 'none' });
    expect(result.destination.method).toBe('prompt-engineering');
    expect(result.destination.why).toContain('cached prompt');
    expect(recommend({ ...small, corpusTokens: 5_000_000 }, knowledge, { explain: 'none' }).destination.method).toBe(
      'rag',
    );
  });

  it('names where a managed job can be bought, and warns when the vendor has shut the model down', () => {
    const result = recommend(
      { modelName: 'GPT-4.1 nano', labeledExamples: 1000, needsStyleOrFormat: true },
      knowledge,
      {
        explain: 'none',
      },
    );
    expect(result.destination.channel).toBe('managed');
    expect(result.destination.providers?.map((provider) => provider.name).join(' ')).toContain('Azure');
    expect(result.assumptions.some((entry) => entry.why.includes('re-verify'))).toBe(true);
    // A prompt-side destination names no provider.
    const prompt = recommend(
      { modelName: 'GPT-4o mini', knowledgeChanges: 'weekly', needsCitations: true },
      knowledge,
      {
        explain: 'none',
      },
    );
    expect(prompt.destination.providers).toBeUndefined();
  });

  it('proposes a catalog model when none is named and the work trains weights or runs on the team side', () => {
    const phone = recommend(
      {
        deployment: 'mobile',
        deviceMemoryGB: 3,
        labeledExamples: 3000,
        gpuName: 'RTX 4090',
        gpuCount: 1,
        task: 'offline note summaries',
        taskType: 'generate',
      },
      knowledge,
      { explain: 'none' },
    );
    expect(['lora', 'qlora', 'full-fine-tuning']).toContain(phone.destination.method);
    expect(phone.destination.model.proposed).toBe(true);
    const size = knowledge.findModel(phone.destination.model.name ?? '')?.paramsB ?? 99;
    expect(size).toBeLessThan(4);
    expect(phone.questions.map((question) => question.field)).not.toContain('canSwitchModel');
    // A retrieval answer for a team that may use any API names no model.
    const docs = recommend({ task: 'support bot over our docs', taskType: 'chat', goals: ['knowledge'] }, knowledge, {
      explain: 'none',
    });
    expect(docs.destination.model.name).toBeNull();
  });

  it('pre-trains a base model on a billion-token domain corpus first when it has only hundreds of pairs', () => {
    const base = {
      modelName: 'Qwen2.5 7B',
      modelStage: 'base' as const,
      corpusTokens: 3_000_000_000,
      unlabeledCorpus: 'large' as const,
      gpuName: 'H100',
      gpuCount: 8,
      knowledgeChanges: 'rarely' as const,
      taskType: 'generate' as const,
    };
    const few = recommend({ ...base, labeledExamples: 800 }, knowledge, { explain: 'none' });
    expect(few.destination.objective).toBe('continued-pretraining');
    const ample = recommend({ ...base, labeledExamples: 15_000 }, knowledge, { explain: 'none' });
    expect(ample.destination.method).toBe('instruction-tuning');
  });

  it('retrieves a billion-token corpus that changes weekly and must be cited; it does not pre-train on it', () => {
    const result = recommend(
      {
        modelName: 'Llama 3.1 70B Instruct',
        taskType: 'chat',
        labeledExamples: 0,
        corpusTokens: 1_500_000_000,
        unlabeledCorpus: 'large',
        knowledgeChanges: 'weekly',
        needsCitations: true,
        gpuName: 'L40S',
        gpuCount: 2,
        dataMustStayOnPrem: true,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.method).toBe('rag');
    expect(result.destination.objective).not.toBe('continued-pretraining');
  });

  it('names the distillation student, at most 8B (the size the estimates assume), and the device caps it', () => {
    const cost = recommend(
      {
        modelName: 'Claude Sonnet',
        // (The teacher named: its outputs are what the student learns, beside the team's labels.)
        teacherModel: 'Claude Sonnet',
        requestsPerDay: 400_000,
        goals: ['cost'],
        canSwitchModel: true,
        gpuName: 'NVIDIA A100 80GB',
        gpuCount: 3,
        labeledExamples: 150_000,
        task: 'turn voice-note transcripts into structured work orders',
      },
      knowledge,
      { explain: 'none' },
    );
    expect(cost.destination.method).toBe('distillation');
    const student = knowledge.findModel(cost.destination.student ?? '');
    expect(student?.access).toBe('open-weights');
    expect(student?.paramsB).toBeLessThanOrEqual(8.4); // the 8B class (Llama 3.1 8B is 8.03B)
    const phone = recommend(
      {
        modelName: 'Llama 3.1 8B',
        deployment: 'mobile',
        deviceMemoryGB: 4,
        labeledExamples: 5000,
        gpuName: 'RTX 4090',
        gpuCount: 1,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(phone.destination.method).toBe('distillation');
    expect(knowledge.findModel(phone.destination.student ?? '')?.paramsB).toBeLessThan(4);
    // A named smaller model with a named teacher is itself the student.
    const named = recommend(
      {
        modelName: 'Llama 3.1 8B',
        teacherModel: 'Llama 3.1 70B',
        requestsPerDay: 1_000_000,
        goals: ['cost'],
        gpuName: 'H100',
        gpuCount: 1,
        labeledExamples: 20_000,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(named.destination.method).toBe('distillation');
    expect(named.destination.student).toBe('Llama 3.1 8B');
  });

  it('proposes a model on which the destination method itself fits the team GPU, not one where only QLoRA does', () => {
    const result = recommend(
      {
        task: 'route support tickets to 20 queues',
        taskType: 'classify',
        labeledExamples: 5000,
        gpuName: 'NVIDIA A100 80GB',
        gpuCount: 1,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.model.proposed).toBe(true);
    expect(result.destination.model.name).not.toBeNull();
    const memory = result.destination.estimates?.memoryGB;
    expect(memory?.available).toBe(80);
    expect(memory?.fits).toBe(true);
    expect(result.modelOptions.find((option) => option.model === result.destination.model.name)?.verdict).toBe(
      'viable',
    );
  });

  describe('base checkpoints', () => {
    it('points a base model with too few pairs to the published instruct checkpoint', () => {
      const result = recommend(
        {
          modelName: 'Llama 3.1 8B',
          modelStage: 'base',
          labeledExamples: 0,
          goals: ['instruction-following'],
          gpuName: 'RTX 4090',
          gpuCount: 1,
        },
        knowledge,
        { explain: 'none' },
      );
      expect(result.destination.method).toBe('prompt-engineering');
      expect(result.destination.why).toContain('Llama 3.1 8B Instruct');
    });

    it('runs preference tuning from the instruct checkpoint, not the base', () => {
      const result = recommend(
        { modelName: 'Qwen2.5 7B', modelStage: 'base', preferencePairs: 5000, gpuName: 'A100 80GB', gpuCount: 1 },
        knowledge,
        { explain: 'none' },
      );
      expect(result.destination.method).toBe('preference-tuning');
      expect(result.destination.why).toContain('Qwen2.5 7B Instruct');
    });

    it('puts supervised tuning before preference tuning on a base model with no published instruct checkpoint', () => {
      const result = recommend(
        {
          modelParamsB: 7,
          modelAccess: 'open-weights',
          modelStage: 'base',
          preferencePairs: 5000,
          labeledExamples: 2000,
          gpuName: 'A100 80GB',
          gpuCount: 1,
        },
        knowledge,
        { explain: 'none' },
      );
      expect(result.destination.method).toBe('instruction-tuning');
      expect(
        planMethods({
          modelParamsB: 7,
          modelAccess: 'open-weights',
          modelStage: 'base',
          preferencePairs: 5000,
          labeledExamples: 2000,
          gpuName: 'A100 80GB',
          gpuCount: 1,
        }).flat(),
      ).toContain('preference-tuning');
    });
  });

  describe('teacher and student', () => {
    it('distils into the named model when a larger teacher is named, without human labels', () => {
      const result = recommend(
        {
          modelName: 'Llama 3.2 1B',
          teacherModel: 'GPT-4o',
          requestsPerDay: 1000000,
          goals: ['cost'],
          gpuName: 'RTX 4090',
          gpuCount: 1,
          labeledExamples: 0,
          taskType: 'classify',
        },
        knowledge,
        { explain: 'none' },
      );
      expect(result.destination.method).toBe('distillation');
      expect(result.destination.model?.name).toBe('Llama 3.2 1B');
      expect(result.assumptions.some((entry) => entry.why.includes('The named model is the student'))).toBe(true);
    });

    it('keeps a locked model as the student (the no-switch rule is about a different student)', () => {
      const verdict = recommend(
        {
          modelName: 'Llama 3.2 3B',
          teacherModel: 'GPT-4.1',
          canSwitchModel: false,
          goals: ['cost'],
          gpuName: 'L4',
          gpuCount: 1,
        },
        knowledge,
        { explain: 'none' },
      ).recommendations.find((entry) => entry.method === 'distillation')?.verdict;
      expect(verdict).not.toBe('not-viable');
    });

    it('does not label tuning the large model itself as distillation, and trains no smaller student of a small model', () => {
      const big = recommend(
        { modelName: 'Llama 3.1 70B', gpuName: 'H100', gpuCount: 8, goals: ['cost'], requestsPerDay: 500000 },
        knowledge,
        { explain: 'none' },
      );
      if (big.destination.objective === 'distillation') expect(big.destination.method).toBe('distillation');
      const small = recommend(
        {
          modelName: 'Llama 3.2 1B',
          deployment: 'mobile',
          gpuName: 'RTX 4090',
          gpuCount: 1,
          labeledExamples: 3000,
          needsStyleOrFormat: true,
          latencyTargetMs: 200,
        },
        knowledge,
        { explain: 'none' },
      );
      expect(['lora', 'qlora', 'full-fine-tuning']).toContain(small.destination.method);
    });
  });

  describe('what the team already tried', () => {
    it('does not propose again a method that plateaued: prompting and few-shot exhausted with 80 examples → tuning', () => {
      const result = recommend(
        {
          modelName: 'Llama 3.1 8B',
          gpuName: 'RTX 4090',
          gpuCount: 1,
          labeledExamples: 80,
          needsStyleOrFormat: true,
          tried: [
            { method: 'prompt-engineering', result: 'plateaued' },
            { method: 'in-context-learning', result: 'plateaued' },
          ],
        },
        knowledge,
        { explain: 'none' },
      );
      expect(['lora', 'qlora']).toContain(result.destination.method);
      expect(result.firstStep.methods).not.toContain('in-context-learning');
    });

    it('reads a tuning that left the model inventing facts as a knowledge gap: retrieval, not the same tuning again', () => {
      const profile: Profile = {
        modelName: 'Llama 3.1 8B',
        gpuName: 'A100 80GB',
        gpuCount: 1,
        labeledExamples: 500,
        tried: [{ method: 'lora', result: 'failed', note: 'hallucinated case law' }],
        goals: ['task-skill'],
        task: 'answer questions about case law',
      };
      const result = recommend(profile, knowledge, { explain: 'none' });
      expect(result.destination.method).toBe('rag');
      expect(planMethods(profile).flat()).not.toContain('lora');
    });

    it('keeps retrieval in the plan when it plateaued on format but citations still need it', () => {
      const profile: Profile = {
        modelName: 'Llama 3.1 8B',
        gpuName: 'H100',
        gpuCount: 1,
        labeledExamples: 1500,
        needsStyleOrFormat: true,
        needsCitations: true,
        unlabeledCorpus: 'large',
        goals: ['knowledge', 'format'],
        tried: [{ method: 'rag', result: 'plateaued', note: 'answers ignore the JSON schema' }],
      };
      const plan = planMethods(profile).flat();
      expect(plan).toContain('rag');
      expect(['lora', 'qlora', 'full-fine-tuning']).toContain(
        recommend(profile, knowledge, { explain: 'none' }).destination.method,
      );
    });

    it('falls back to a plateaued method only when nothing else is possible (a locked API model, no tuning channel)', () => {
      const result = recommend(
        {
          modelName: 'Claude Sonnet 4',
          canSwitchModel: false,
          labeledExamples: 80,
          needsStyleOrFormat: true,
          tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
        },
        knowledge,
        { explain: 'none' },
      );
      expect(result.firstStep.methods.length).toBeGreaterThan(0);
      expect(['in-context-learning', 'prompt-engineering', 'rag']).toContain(result.destination.method);
    });
  });

  it('treats a model the catalog has no architecture for as a generator (no encoder rule fires or stays undecided)', () => {
    for (const profile of [{ modelName: 'GPT-4o' }, { modelParamsB: 13, modelAccess: 'open-weights' as const }]) {
      const trace = recommend(profile, knowledge, { explain: 'none' }).trace;
      for (const id of ['encoder-models-do-not-generate', 'text-encoders-have-no-prompt'])
        expect(trace.find((entry) => entry.ruleId === id)?.outcome, id).toBe('not-fired');
    }
  });

  it('tells a team whose 70B model only fits one GPU at 4 bits to serve it quantised', () => {
    const profile: Profile = { modelName: 'Llama 3.1 70B', gpuName: 'H100', gpuCount: 1, labeledExamples: 1000 };
    const result = recommend(profile, knowledge);
    expect(reasonRules(profile, 'prompt-engineering')).toContain('serve-quantised-when-16bit-does-not-fit');
    expect(result.explanation?.text).toMatch(
      /Keep in mind:\n(?:- [^\n]*\n)*- At 16 bits the model does not fit your GPUs/,
    );
    // On eight H100s the 16-bit model fits and the note disappears.
    expect(reasonRules({ ...profile, gpuCount: 8 }, 'prompt-engineering')).not.toContain(
      'serve-quantised-when-16bit-does-not-fit',
    );
  });

  it('points to distillation or a hosted endpoint when even 4-bit weights exceed the GPUs', () => {
    const profile: Profile = { modelName: 'Llama 3.1 405B', gpuName: 'RTX 4090', gpuCount: 1 };
    expect(reasonRules(profile, 'distillation')).toContain('model-too-large-to-serve-on-your-gpus');
  });

  it('does not ask for a training budget when the training costs cents', () => {
    const result = recommend(
      { modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090', gpuCount: 1, labeledExamples: 2000, needsStyleOrFormat: true },
      knowledge,
      { explain: 'none' },
    );
    expect(result.recommendations.find((entry) => entry.method === 'lora')?.estimates?.oneTimeUSD).toBeLessThan(50);
    expect(result.questions.map((question) => question.field)).not.toContain('oneTimeBudgetUSD');
  });

  it('warns that costs are a floor for speech and image examples and rough for non-decoder models', () => {
    const whisper = recommend({ modelName: 'Whisper large-v3', gpuName: 'L4', labeledExamples: 3000 }, knowledge, {
      explain: 'none',
    });
    const fields = whisper.assumptions.map((assumption) => assumption.field);
    expect(fields).toContain('estimates.examplesAsText');
    expect(fields).toContain('estimates.architectureKind');
    const llama = recommend({ modelName: 'Llama 3.1 8B', gpuName: 'L4', labeledExamples: 3000 }, knowledge, {
      explain: 'none',
    }).assumptions.map((assumption) => assumption.field);
    expect(llama).not.toContain('estimates.examplesAsText');
    expect(llama).not.toContain('estimates.architectureKind');
  });

  it('prices the API bill at the stated volume and flags one above the monthly budget', () => {
    const profile: Profile = { modelName: 'GPT-4o', requestsPerDay: 100_000, monthlyBudgetUSD: 500 };
    const result = recommend(profile, knowledge, { explain: 'none' });
    // 100,000 requests × 30 days × (1,000 × $2.50 + 300 × $10) / 1M = $16,500.
    const prompt = result.recommendations.find((entry) => entry.method === 'prompt-engineering');
    expect(prompt?.estimates?.monthlyUSD).toBe(16_500);
    expect(result.assumptions.find((item) => item.field === 'estimates.apiMonthlyUSD')?.value).toBe(16_500);
    expect(reasonRules(profile, 'distillation')).toContain('api-bill-over-monthly-budget');
    expect(reasonRules({ ...profile, monthlyBudgetUSD: 20_000 }, 'distillation')).not.toContain(
      'api-bill-over-monthly-budget',
    );
    // Without a volume there is no bill to show (not $0).
    const noVolume = recommend({ modelName: 'GPT-4o' }, knowledge, { explain: 'none' });
    expect(noVolume.recommendations.find((entry) => entry.method === 'prompt-engineering')?.estimates).toBeUndefined();
  });

  it('puts training into the plan when there are tens of thousands of labelled examples, not with a handful', () => {
    const profile: Profile = { modelName: 'Llama 3.1 8B', gpuName: 'H100', gpuCount: 1, labeledExamples: 20_000 };
    const result = recommend(profile, knowledge, { explain: 'none' });
    expect(['lora', 'qlora', 'full-fine-tuning']).toContain(result.destination.method);
    expect(reasonRules(profile, 'lora')).toContain('tens-of-thousands-of-examples-pay-off-in-training');
    expect(planMethods({ ...profile, labeledExamples: 50 }).flat()).not.toContain('lora');
  });

  it('plans a text encoder as fine-tuning with a held-out evaluation set, without a prompt baseline', () => {
    const result = recommend(
      { modelName: 'BERT base', gpuName: 'RTX 4090', gpuCount: 1, labeledExamples: 800 },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination).toMatchObject({ method: 'full-fine-tuning', objective: 'sft', channel: 'self-run' });
    expect(result.plan).toHaveLength(1);
    expect(result.plan[0]?.methods).toEqual(['full-fine-tuning']);
    expect(result.firstStep.why).toMatch(/hold out an evaluation set of at least 20 real cases/);
  });

  it('holds a rented serving GPU against the monthly budget, but not GPUs the team owns', () => {
    const rented: Profile = { modelName: 'Llama 3.1 70B', monthlyBudgetUSD: 300 };
    expect(reasonRules(rented, 'distillation')).toContain('self-hosting-over-monthly-budget');
    const owned: Profile = { ...rented, gpuName: 'H100', gpuCount: 4 };
    expect(reasonRules(owned, 'distillation')).not.toContain('self-hosting-over-monthly-budget');
  });

  it('keeps format tuning in the plan next to retrieval when the facts change weekly (a hybrid)', () => {
    const profile: Profile = {
      modelName: 'Gemini 2.5 Flash',
      knowledgeChanges: 'weekly',
      unlabeledCorpus: 'large',
      needsStyleOrFormat: true,
      labeledExamples: 3000,
    };
    const result = recommend(profile, knowledge, { explain: 'none' });
    expect(result.destination.method).toBe('rag');
    // A large corpus cannot be pasted into a prompt: the baseline is a simple retrieval over it.
    expect(planMethods(profile)).toEqual([['rag'], ['managed-fine-tuning']]);
    // Without a format need, weekly-changing knowledge keeps tuning out of the plan.
    expect(planMethods({ ...profile, needsStyleOrFormat: false }).flat()).not.toContain('managed-fine-tuning');
  });

  it('leaves tuning out of the plan for a team new to ML with two weeks, and puts it back with six', () => {
    const profile: Profile = {
      modelName: 'Gemma 2 9B',
      gpuName: 'RTX 4090',
      gpuCount: 1,
      mlExpertise: 'none',
      timelineWeeks: 2,
      labeledExamples: 300,
      needsStyleOrFormat: true,
    };
    const rushed = planMethods(profile).flat();
    expect(rushed.every((method) => ['prompt-engineering', 'in-context-learning', 'rag'].includes(method))).toBe(true);
    const later = recommend({ ...profile, mlExpertise: 'intermediate', timelineWeeks: 6 }, knowledge, {
      explain: 'none',
    });
    expect(['lora', 'qlora']).toContain(later.destination.method);
  });

  it('proposes a small model for a phone, not the largest that squeezes into its memory', () => {
    const result = recommend(
      {
        task: 'classify notes into categories',
        taskType: 'classify',
        deployment: 'mobile',
        deviceMemoryGB: 6,
        labeledExamples: 20_000,
        gpuCount: 0,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.model.proposed).toBe(true);
    const proposed = knowledge.models.find((model) => model.name === result.destination.model.name);
    expect(proposed?.paramsB).toBeLessThanOrEqual(3);
  });

  it("serves on the team's own GPUs that the catalog does not price (an RTX 3060 12GB): no monthly bill", () => {
    const result = recommend(
      { modelName: 'Llama 3.1 8B', gpuCount: 1, gpuMemoryGB: 12, labeledExamples: 300, taskType: 'chat' },
      knowledge,
      { explain: 'none' },
    );
    const served = result.assumptions.find((assumption) => assumption.field === 'estimates.servingGpus');
    expect(served?.why).toMatch(/^Served on one of your own GPUs, with 4-bit weights/);
    const monthly = result.recommendations.find((entry) => entry.method === 'in-context-learning')?.estimates
      ?.monthlyUSD;
    expect(monthly).toBe(0);
  });

  it("names the shutdown date, never a count of weeks judged at the reference date rather than the reader's today", () => {
    const result = recommend({ modelName: 'GPT-4o', labeledExamples: 4000 }, knowledge, { explain: 'none' });
    const shutdown = result.assumptions.find((assumption) => /shuts .* down on/.test(assumption.why));
    expect(shutdown?.why).toContain('2027-01-14');
    expect(shutdown?.why).not.toMatch(/weeks?\b/);
  });

  it("judges lifecycle per channel: GPT-4o past OpenAI's window is still tuned where another cloud offers it", () => {
    const profile: Profile = { modelName: 'GPT-4o', labeledExamples: 4000, needsStyleOrFormat: true };
    const result = recommend(profile, knowledge, { explain: 'none' });
    // OpenAI shuts GPT-4o down within 26 weeks, but Azure OpenAI still offers tuning it with no end date.
    expect(result.destination).toMatchObject({ method: 'managed-fine-tuning', channel: 'managed' });
    expect(reasonRules(profile, 'managed-fine-tuning')).not.toContain('tuning-a-model-that-retires-soon');
    const nova = recommend({ ...profile, modelName: 'Nova Lite' }, knowledge, { explain: 'none' });
    expect(nova.destination).toMatchObject({ method: 'managed-fine-tuning', channel: 'managed' });
  });

  it('says how far a memory blocker is off, in the explanation', () => {
    const result = recommend(
      { modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090', gpuCount: 1, labeledExamples: 2000, oneTimeBudgetUSD: 0 },
      knowledge,
    );
    expect(result.explanation?.text).toMatch(/- Full fine-tuning: [^\n]*\(about \d+ GB needed, 24 GB available\)/);
  });

  it('trains on owned GPUs whatever the budget; rules out rented training over it and distillation with no way to train', () => {
    const owned = recommend(
      { modelName: 'Llama 3.1 70B', gpuName: 'H100', gpuCount: 2, oneTimeBudgetUSD: 20, labeledExamples: 50_000 },
      knowledge,
      { explain: 'none' },
    );
    const verdictIn = (result: typeof owned, id: MethodId) =>
      result.recommendations.find((entry) => entry.method === id)?.verdict;
    expect(verdictIn(owned, 'qlora')).not.toBe('not-viable');
    expect(owned.recommendations.find((entry) => entry.method === 'qlora')?.estimates?.oneTimeUSD).toBe(0);
    const rentedOverBudget = recommend(
      { modelName: 'Llama 3.1 70B', gpuCount: 0, oneTimeBudgetUSD: 20, labeledExamples: 50_000 },
      knowledge,
      { explain: 'none' },
    );
    expect(verdictIn(rentedOverBudget, 'qlora')).toBe('not-viable');
    expect(verdictIn(rentedOverBudget, 'instruction-tuning')).toBe('not-viable');
    const noWay = recommend(
      { modelName: 'BERT base', gpuCount: 0, oneTimeBudgetUSD: 0, labeledExamples: 300 },
      knowledge,
      {
        explain: 'none',
      },
    );
    expect(verdictIn(noWay, 'distillation')).toBe('not-viable');
    expect(noWay.plan.flatMap((step) => step.methods)).not.toContain('distillation');
  });
});
