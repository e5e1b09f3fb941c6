import { describe, expect, it } from 'vitest';
import { extractProfile, MAX_EXTRACTION_CHARS } from '../../../src/chat/extract/index.ts';
import { Profile } from '../../../src/profile/profile-schema.ts';
import { loadCorpus } from './corpus-scoring.ts';
import { fixtureCatalog } from './fixture-catalog.ts';

const extract = (message: string) => extractProfile(message, { knowledge: fixtureCatalog });

describe('extractProfile', () => {
  it('reads a long message with many facts and keeps the words each came from', () => {
    const result = extract(
      "Hi! We use GPT-4o via Azure, fine-tuning isn't enabled. Policy docs change weekly and answers must cite the policy. Budget is about $500/month.",
    );
    expect(result.fields).toEqual({
      goals: ['citations', 'freshness'],
      modelName: 'GPT-4o',
      modelAccess: 'api-only',
      knowledgeChanges: 'weekly',
      needsCitations: true,
      monthlyBudgetUSD: 500,
    });
    expect(result.evidence).toEqual({
      goals: 'cite',
      modelName: 'GPT-4o',
      modelAccess: "fine-tuning isn't enabled",
      knowledgeChanges: 'Policy docs change weekly',
      needsCitations: 'cite the policy',
      monthlyBudgetUSD: '$500/month',
    });
    expect(result.intents.greeting).toBe(true);
  });

  it('lets the last statement of a field win', () => {
    expect(extract('we have 2 GPUs. Actually 3 GPUs.').fields).toEqual({ gpuCount: 3 });
  });

  it('never invents counts from years and version numbers', () => {
    expect(extract('We started in 2024 with Llama 3 and GPT-4o, version 2.1').fields).toEqual({ modelName: 'GPT-4o' });
  });

  it('drops facts asked about in a question', () => {
    expect(extract('can a 4090 run a 70B model?').fields).toEqual({});
  });

  it('drops a size asked about in a how-long question', () => {
    expect(extract('how long would a 70B LoRA take on 8 H100s?').fields).toEqual({});
  });

  it('does not believe a single-quoted claim or what someone online said', () => {
    expect(extract("The vendor said 'you need 8 H100s for this'.").fields).not.toHaveProperty('gpuCount');
    expect(extract('Someone on reddit said 4 A100s are enough for a 70B model').fields).not.toHaveProperty('gpuCount');
  });

  it('does not take "here is the whole picture" for images', () => {
    expect(extract('ok so here is the whole picture. we sort support emails').fields).not.toHaveProperty('modality');
  });

  it('reads "nothing we have is allowed outside our own servers" as on-premises', () => {
    expect(extract('Nothing we have is allowed outside our own servers.').fields).toMatchObject({
      dataMustStayOnPrem: true,
    });
  });

  it('produces values the Profile schema accepts, with evidence taken verbatim from the message, for every corpus text', () => {
    for (const { text } of loadCorpus()) {
      const result = extract(text);
      expect(Profile.safeParse(result.fields).success, text).toBe(true);
      for (const words of Object.values(result.evidence)) expect(text.includes(words), text).toBe(true);
      if (result.hypothetical) expect(Profile.safeParse(result.hypothetical).success, text).toBe(true);
      const read = new Set([...Object.keys(result.fields), ...Object.keys(result.hypothetical ?? {})]);
      expect(Object.keys(result.evidence).sort(), text).toEqual([...read].sort());
    }
  });

  it('reads only the first MAX_EXTRACTION_CHARS characters of a huge message', () => {
    const huge = `${'lorem ipsum dolor sit amet '.repeat(2000)} we have 8 GPUs`;
    expect(extract(huge).fields).toEqual({});
    expect(MAX_EXTRACTION_CHARS).toBe(4000);
  });
});
