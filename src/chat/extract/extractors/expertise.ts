/**
 * @module ML expertise: "no ML engineers" → none; "one data scientist" → basic; "a couple of ML engineers" →
 * intermediate; "PhD researchers" → expert.
 */

import type { EXPERTISE_LEVELS } from '../../../profile/profile-schema.ts';
import { allMatches, createSpanIndex, findingFromMatch } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

type Expertise = (typeof EXPERTISE_LEVELS)[number];

const ML_PERSON = String.raw`(?:ml|machine[\s-]learning|ai|nlp|deep[\s-]learning|llm|mlops)\s+(?:engineers?|people|folks|experts?|specialists?|team|staff|devs?|developers?|practitioners?|expertise|experience|knowledge|skills?|background)`;
const PATTERNS: readonly (readonly [RegExp, Expertise])[] = [
  [
    new RegExp(
      [
        String.raw`\b(?:no|zero|without(?:\s+any)?|(?:don't|dont|do\s+not|doesn't|does\s+not)\s+(?:really\s+)?have(?:\s+any)?|lack(?:ing)?(?:\s+any)?|not\s+(?:a\s+)?(?:single|one)|nobody\s+(?:with|has|knows|on\s+the\s+team\s+knows))\s+(?:real\s+|in[\s-]house\s+|dedicated\s+)?(?:${ML_PERSON}|data\s+scientists?|ml|machine\s+learning|ai\s+people)\b`,
        String.raw`\b(?:nobody|no\s?one|none\s+of\s+us)\s+(?:here\s+|(?:on|in)\s+(?:(?:the|our|my|teh)\s+)?team\s+)?(?:knows?|understands?|does|has\s+(?:ever\s+)?(?:done|worked\s+(?:on|with)|touched))\s+(?:any\s+|anything\s+(?:about\s+|with\s+|in\s+)?|much\s+(?:about|with)\s+)?(?:ml|machine\s+learning|ai)\b`,
        String.raw`\b(?:nobody|no\s?one|none\s+of\s+us)\s+(?:here\s+|on\s+(?:the|our|teh)\s+team\s+)?(?:has|have)\s+(?:any\s+)?(?:ml|machine[\s-]learning|ai|data\s+science)\s+(?:background|experience|skills?|knowledge)\b`,
        // "partner at a 9-attorney firm, none of us are technical".
        String.raw`\b(?:none\s+of\s+us|nobody\s+here|no\s?one\s+here)\s+(?:are|is)\s+(?:really\s+|very\s+)?(?:technical|techies|engineers|developers|programmers|coders)\b|\b(?:we(?:'re|\s+are))\s+not\s+(?:a\s+)?(?:very\s+|really\s+|at\s+all\s+)?technical(?:\s+(?:team|people|folks))?\b`,
        String.raw`\b(?:team|we|i)\s+(?:knows?|know)\s+(?:zero|nothing|very\s+little)\s+(?:about|abt|of)\s+(?:ml|machine\s+learning|ai)\b`,
        String.raw`\b(?:don't|dont|do\s+not|doesn't|does\s+not)\s+know\s+(?:much|anything|a\s+lot)\s+(?:about|abt)\s+(?:ml|machine\s+learning|ai)\b`,
        String.raw`\b(?:we(?:'re|\s+are)\s+)?(?:just|only)\s+(?:(?:web|backend|frontend|full[\s-]stack|software|app|mobile)\s+)?(?:developers|devs|engineers)\b(?!\s+(?:who|with)\s+(?:know|some))`,
        String.raw`\b(?:complete|total|absolute)\s+beginners\b`,
        String.raw`\b(?:never|not\s+once)\s+(?:trained|fine[\s-]?tuned|built|deployed)\s+(?:a|an|any)\s+(?:ml\s+|machine[\s-]learning\s+)?models?\b`,
        String.raw`\b(?:nobody|no\s?one|none\s+of\s+us|neither\s+of\s+us)\s+(?:here\s+|on\s+(?:the|our)\s+team\s+)?(?:has|have)\s+(?:really\s+|ever\s+)?(?:trained|fine[\s-]?tuned|built)\s+(?:a|an|any)\s+(?:ml\s+|machine[\s-]learning\s+)?models?\b`,
        // Who the team is, when nobody on it does ML: "our team is mostly web developers", "we're three backend devs".
        String.raw`\b(?:we(?:'re|\s+are)|(?:(?:our|the)\s+)?team\s+is|team\s+of|all\s+of\s+us\s+are|we(?:'re|\s+are)\s+all)\s+(?:(?:mostly|all|just|only|basically|a\s+bunch\s+of|a\s+few|a\s+couple\s+of|a\s+small\s+team\s+of|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+){0,2}(?:web|backend|back[\s-]end|frontend|front[\s-]end|full[\s-]?stack|software|app|mobile|ios|android|php|java|\.net|rails|javascript|js|product|game|devops)\s+(?:developers|devs|engineers)\b(?!\s*(?:,\s*)?(?:who|with|and|plus|but)\s+(?:\w+\s+){0,3}(?:ml|machine\s+learning|data\s+scien\w*|ai)\b)`,
        String.raw`\bnot\s+(?:ml|ai|machine\s+learning)\s+(?:people|folks|experts|engineers)\b`,
        // "2 engineers, neither has any ML experience", "none of them has ML experience".
        String.raw`\b(?:neither|none)(?:\s+of\s+(?:us|them|the\s+two|our\s+\w+))?\s+(?:has|have)\s+(?:any\s+|much\s+)?(?:ml|machine[\s-]learning|ai|data\s+science)\s+(?:experience|background|skills?|knowledge)\b`,
        String.raw`\b(?:nobody|no\s?one|none\s+of\s+us)\s+(?:here\s+)?(?:really\s+)?(?:does|knows|do|know)\s+(?:any\s+)?(?:ml|machine\s+learning|ai)\b`,
        String.raw`\bno\s+(?:ml|machine[\s-]learning|ai|data\s+science)\s+(?:expertise|experience|skills|team|people|background)(?:\s+at\s+all)?\b`,
        String.raw`\b(?:don't|dont|do\s+not|doesn't|does\s+not)\s+have\s+(?:an?|any)\s+(?:ml|machine[\s-]learning|ai|data\s+science)\s+(?:person|people|engineers?|experts?|specialists?|team)\b`,
        String.raw`\b(?:none\s+of\s+us|nobody(?:\s+here)?|no\s?one(?:\s+here)?)\s+(?:has|have)\s+(?:ever\s+)?done\s+(?:any\s+)?(?:ml|machine\s+learning|ai)\b`,
        // "Nobody from us did machine learning before" (a non-native writer's past tense).
        String.raw`\b(?:none\s+of\s+us|nobody|no\s?one)\s+(?:from\s+us\s+|of\s+us\s+|here\s+|in\s+(?:the|our)\s+team\s+)?(?:ever\s+)?(?:did|has\s+done|had\s+done|worked\s+(?:in|with|on))\s+(?:any\s+)?(?:ml|machine\s+learning|ai)(?![\w-])(?=\s*(?:$|[.,;!)]|before|yet|at\s+all|ever|(?:in|at)\s+(?:school|uni|university|work)))`,
        String.raw`\b(?:nobody|no\s?one|none\s+of\s+us)\s+(?:here\s+|on\s+(?:the|our)\s+team\s+)?(?:is|are)\s+(?:an?\s+|really\s+an?\s+)?(?:ml|machine[\s-]learning|ai|data\s+science)\s+(?:experts?|engineers?|people|person|specialists?)\b`,
        String.raw`\bnone\s+of\s+(?:them|us)\s+(?:are\s+)?(?:ml|ai|machine[\s-]learning|data\s+science)\s+(?:people|folks|engineers|experts)\b`,
        String.raw`\b(?:nobody|no\s?one|none\s+of\s+us)\s+(?:here\s+)?(?:really\s+)?(?:codes|programs|is\s+technical|is\s+a\s+developer)\b`,
        // "honestly no one here knows what fine-tuning even is".
        String.raw`\b(?:nobody|no\s?one|none\s+of\s+us)\s+(?:here\s+|on\s+(?:the|our)\s+team\s+)?(?:really\s+)?(?:knows?|understands?)\s+what\s+(?:fine[\s-]?tuning|ml|machine\s+learning|an?\s+llm|lora|training\s+a\s+model)\s+(?:even\s+)?(?:is|means)\b`,
      ].join('|'),
      'g',
    ),
    'none',
  ],
  [
    new RegExp(
      [
        String.raw`\b(?:a|one|single|an?\s+junior|one\s+junior)\s+(?:junior\s+)?data\s+(?:scientist|analyst)\b`,
        String.raw`\b(?:some|basic|limited|a\s+bit\s+of|a\s+little)\s+(?:ml|machine[\s-]learning|ai|python|data\s+science)\s+(?:experience|knowledge|background|skills?|expertise)\b`,
        String.raw`\b(?:a|one)\s+junior\s+(?:ml|machine[\s-]learning|ai)\s+(?:engineer|dev|developer)\b`,
        String.raw`\b(?:beginners?|novices?)\s+(?:in|at|with)\s+(?:ml|machine\s+learning|ai)\b`,
        String.raw`\bdevelopers\s+(?:who|with)\s+(?:know\s+)?some\s+(?:ml|python)\b`,
        String.raw`\b(?:did|done|took|taken|finished|completed)\s+(?:the\s+|an?\s+|some\s+|a\s+couple\s+of\s+|a\s+few\s+|two\s+|one\s+)?(?:fast\.?ai|coursera|andrew\s+ng(?:'s)?|online|intro(?:ductory)?|ml|machine\s+learning|deep\s+learning|hugging\s?face)\s+(?:ml\s+)?courses?\b`,
        String.raw`\bplayed\s+(?:around\s+)?with\s+(?:hugging\s?face|pytorch|tensorflow|transformers|llms?|fine[\s-]?tuning|ml)\b`,
        String.raw`\b(?:done|did|knows?)\s+(?:some\s+)?basic\s+(?:pytorch|tensorflow|ml|python|machine\s+learning)\b`,
        // "they know little bit pytorch but never train a model before", "we know a bit of PyTorch".
        String.raw`(?<!\b(?:no\s?one|nobody|none\s+of\s+(?:us|them))\s+(?:here\s+|really\s+|even\s+)?)\b(?:knows?|know)\s+(?:a\s+)?(?:little|bit|little\s+bit|tiny\s+bit)\s+(?:of\s+)?(?:pytorch|tensorflow|ml|python|machine\s+learning|deep\s+learning)\b`,
        // "one of us knows ML basics", "I know the basics of machine learning".
        String.raw`\b(?:knows?|know|learned|learnt|has|have)\s+(?:(?:the|some)\s+)?(?:ml|machine[\s-]learning|ai|deep[\s-]learning)\s+basics\b|\b(?:knows?|know|learned|learnt)\s+(?:the\s+)?basics\s+of\s+(?:ml|machine[\s-]learning|ai|deep[\s-]learning)\b`,
        String.raw`\b(?:a\s+couple\s+of|a\s+few|some)\s+(?:small\s+)?(?:sklearn|scikit[\s-]learn|kaggle|ml)\s+projects\b`,
        String.raw`\b(?:we(?:'re|\s+are)|team\s+is|team\s+of)\s+(?:mostly\s+|all\s+|just\s+)?(?:data|business|bi)\s+analysts\b`,
        String.raw`\b(?:did|done|entered|competed\s+in|finished)\s+(?:a|some|one|two|a\s+few)\s+kaggle\b`,
        String.raw`\b(?:some\s+)?basic\s+(?:python|ml|machine\s+learning)(?:\s*(?:\/|and|&)\s*(?:python|ml|machine\s+learning))?\s+(?:from|via|through)\s+(?:a\s+|an\s+)?(?:bootcamp|course|tutorials?)\b`,
        String.raw`\bbeginners(?:\s+really)?\b(?=[^.;!?\n]{0,40}\btutorials?\b)`,
        // "it's just me and I'm a beginner".
        String.raw`\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:(?:a|an|total|complete|pretty\s+much|still)\s+){0,2}(?:beginners?|newbies?|novices?)\b`,
        String.raw`\bfollowed\s+(?:a\s+(?:few|couple\s+of)\s+|some\s+)?(?:hf|hugging\s?face|online|youtube)?\s*tutorials\b`,
        // "one of us did a couple of HF fine-tuning tutorials".
        String.raw`\b(?:did|done|went\s+through|worked\s+through)\s+(?:a\s+(?:few|couple\s+of)\s+|some\s+)?(?:hf\s+|hugging\s?face\s+|online\s+|youtube\s+|kaggle\s+)?(?:lora\s+|fine[\s-]?tuning\s+|ml\s+)?tutorials\b`,
        String.raw`\b(?:i've|ive|i\s+have|we've|weve|we\s+have)\s+(?:only\s+)?done\s+(?:a\s+(?:few|couple(?:\s+of)?)\s+|some\s+)?(?:lora\s+|fine[\s-]?tuning\s+|hf\s+|hugging\s?face\s+|online\s+)?tutorials\b`,
      ].join('|'),
      'g',
    ),
    'basic',
  ],
  [
    new RegExp(
      [
        String.raw`\b(?:a\s+couple\s+of|a\s+few|two|three|four|five|several|some|\d+|one|an?)\s+(?:experienced\s+|senior\s+|solid\s+|good\s+)?(?:ml|machine[\s-]learning|ai|nlp|mlops)\s+(?:engineers?|people|folks|devs?|developers?)\b`,
        String.raw`\b(?:an?|our|small|dedicated)\s+(?:(?:small|experienced|dedicated|in[\s-]house|decent)\s+)?(?:ml|machine[\s-]learning|ai|data\s+science)\s+team\b`,
        String.raw`\b(?:a\s+few|several|two|three|some|\d+)\s+data\s+scientists\b`,
        String.raw`\b(?:shipped|deployed|put)\s+(?:several|a\s+few|multiple|many|some|a\s+couple\s+of|\d+|two|three)\s+(?:\w+\s+)?models?\b`,
        String.raw`\b(?:solid|good|capable|experienced)\s+(?:ml|mlops|machine[\s-]learning|data\s+science)\s+team\b`,
        String.raw`\b(?:we've|we\s+have)\s+(?:fine[\s-]?tuned|deployed|trained)\s+(?:models?|llms?|bert|classifiers?)\s+before\b`,
        String.raw`\b(?:have|we've|'ve)\s+(?:already\s+)?(?:fine[\s-]?tuned|trained)\s+(?:a\s+couple\s+of|a\s+few|several|some|two|three)\s+(?:[a-z-]+\s+)?(?:models?|llms?|classifiers?)\b`,
        String.raw`\bknow\s+our\s+way\s+around\s+(?:pytorch|tensorflow|jax|hugging\s?face|transformers)\b`,
        String.raw`\bcomfortable\s+with\s+(?:the\s+)?(?:hf|hugging\s?face|pytorch|transformers|trl|peft)\b`,
        String.raw`\b(?:we\s+)?train\s+(?:ml\s+)?models\s+all\s+day\b`,
        String.raw`\b(?:solid|good|decent|strong)\s+(?:ml|machine[\s-]learning)\s+(?:experience|skills|background)\b`,
        String.raw`\b(?:fine[\s-]?tuned|trained)\s+(?:some|a\s+few|a\s+couple\s+of|several)\s+(?:[\w-]+\s+(?:and\s+[\w-]+\s+)?)?models\s+before\b`,
        String.raw`\b(?:who've|who\s+have|we've|we\s+have)\s+done\s+(?:a\s+bunch\s+of|plenty\s+of|lots\s+of|a\s+lot\s+of|quite\s+a\s+bit\s+of)\s+(?:fine[\s-]?tuning|lora|training)\b`,
        // "we did fine-tuning of BERT models before", "an ML engineer who has done a few LoRA fine-tunes".
        String.raw`\b(?:did|done|have\s+done|has\s+done)\s+(?:some\s+)?fine[\s-]?tuning\s+of\s+(?:[\w.-]+\s+){0,2}?models?\s+before\b`,
        String.raw`\b(?:has|have|who's|who\s+has|we've|i've)\s+done\s+(?:a\s+few|a\s+couple\s+of|several|some)\s+(?:lora\s+|qlora\s+)?fine[\s-]?tunes\b`,
      ].join('|'),
      'g',
    ),
    'intermediate',
  ],
  [
    new RegExp(
      [
        String.raw`\bph\.?\s?d\.?s?\b(?:\s+(?:researchers?|students?|in\s+(?:ml|nlp|machine\s+learning)|level))?`,
        String.raw`\b(?:ml|ai|nlp|research)\s+(?:researchers?|scientists?)\b`,
        String.raw`\b(?:ml|ai|nlp|applied)\s+research\s+(?:team|lab|group)\b`,
        // "we've published on PEFT".
        String.raw`\bwe(?:'ve|\s+have)\s+published\s+(?:papers\s+)?(?:on|about)\b`,
        String.raw`\b(?:we\s+)?(?:pre-?train(?:ed)?|trained)\s+(?:our\s+own\s+)?(?:foundation\s+models?|llms?\s+from\s+scratch|models?\s+from\s+scratch)\b`,
        String.raw`\bpre-?trains?\s+(?:its|our|their)\s+own\s+(?:\w+\s+)?models\b`,
        // "we pretrained our own 7B base model".
        String.raw`\bwe\s+pre-?trained\s+(?:our\s+own|an?)\s+(?:[\w.()-]+\s+){0,3}?(?:model|llm|checkpoint)\b`,
        // "we've pretrained our own encoders before".
        String.raw`\bwe(?:'ve|\s+have)?\s+(?:already\s+)?pre-?trained\s+(?:our\s+own\s+)(?:[\w.()-]+\s+){0,2}?(?:models|encoders|llms|checkpoints|berts?)\b`,
        String.raw`\b(?:world[\s-]class|expert|deep|extensive)\s+(?:ml|machine[\s-]learning|ai|nlp)\s+(?:team|experts?|expertise|experience|engineers)\b`,
        String.raw`\bml\s+experts\b`,
        // "the team is all ML engineers who've trained plenty of models".
        String.raw`\b(?:ml|ai)\s+engineers\s+who(?:'ve|\s+have)\s+(?:trained|fine[\s-]?tuned|shipped|deployed)\s+(?:plenty\s+of|many|lots\s+of|dozens\s+of|countless|hundreds\s+of)\s+models\b`,
        // "70b, 8xh100, 12 wks, expert team.": a team described as expert, in a list of the team's facts.
        String.raw`(?:^|[,;.]\s*|\bwe(?:'re|\s+are)\s+an?\s+)(?:very\s+)?(?:expert\s+(?:ml\s+)?team|(?:senior|experienced|strong)\s+(?:ml|ai)\s+team)\b(?!\s+(?:of\s+)?(?:lawyers|doctors|clinicians|radiologists|translators|writers|editors|annotators|accountants|analysts|support))`,
        String.raw`\b(?:have|with)\s+(?:a\s+)?phds?\b[^.;!?\n]{0,40}\btrained\s+models?\s+from\s+scratch\b|\b(?:research\s+engineers?|researchers?)\s+who(?:'ve|\s+have)\s+(?:shipped|done|run|trained)\b|\bstrong\s+(?:ml|nlp|ai)\s+team\b|\b(?:we're|we\s+are)\s+a\s+research\s+team\b`,
        String.raw`\bresearch\s+lab\b`,
        // "we have done lot of PEFT and DPO trainings before with deepspeed, multi-node": distributed training done.
        String.raw`\b(?:done|did|run|ran)\s+(?:a\s+)?(?:lot|lots|plenty|many|loads|tons)\s+(?:of\s+)?(?:peft|lora|qlora|dpo|rlhf|sft|fine[\s-]?tuning|llm)\b[^.;!?\n]{0,60}?\b(?:deepspeed|fsdp|megatron|multi[\s-]node)\b|(?<!\b(?:never|not|no|haven't|hasn't|never\s+done|not\s+done|no)\s(?:done\s|any\s|run\s|tried\s)?)\bmulti[\s-]node\s+(?:training|runs|jobs|fine[\s-]?tun\w*|pre-?training)\b`,
        String.raw`\b(?:we've|we\s+have)\s+done\s+(?:lora|fine[\s-]?tuning|qlora|rlhf|dpo|pre-?training)\s+(?:plenty\s+of|many|countless|lots\s+of)\s+times\b`,
        String.raw`\b(?:we\s+)?pre-?trained\s+(?:it\s+|(?:a|our)\s+(?:own\s+)?(?:base\s+)?(?:\d+(?:\.\d+)?b\s+)?(?:model\s+)?)?ourselves\b`,
        String.raw`\b(?:who\s+is|who's)\s+an?\s+(?:real\s+|true\s+)?(?:ml\s+)?expert\b`,
        // "a contractor who fine-tunes Llama models for a living".
        String.raw`\b(?:fine[\s-]?tunes?|trains?|pre-?trains?)\s+(?:[\w.-]+\s+){0,2}?(?:models?|llms?)\s+for\s+a\s+living\b`,
        // "3 ML engineers who've trained and served LLMs before": large models trained and run in production.
        String.raw`\b(?:who(?:'ve|\s+have)|we(?:'ve|\s+have)|has|have)\s+(?:already\s+)?(?:trained|fine[\s-]?tuned|pre-?trained)\s+and\s+(?:served|deployed|shipped|hosted)\s+(?:(?:our\s+own|several|many|multiple)\s+)?(?:llms?|large\s+(?:language\s+)?models?)\b`,
        // "it's literally our research", "University NLP lab".
        String.raw`\b(?:it's|it\s+is|that's|that\s+is)\s+(?:literally\s+|basically\s+)?(?:our|my)\s+(?:research(?:\s+area)?|phd(?:\s+topic)?)\b`,
        String.raw`\b(?:university|academic|uni)\s+(?:ml|nlp|ai)\s+(?:lab|group)\b`,
        // "I've been doing NLP for about ten years", "worked in ML for 8+ years": a long career in the field.
        String.raw`\b(?:i|we)(?:'ve|\s+have)\s+(?:been\s+(?:doing|working\s+(?:in|on))|worked\s+(?:in|on))\s+(?:ml|nlp|machine\s+learning|deep\s+learning|ai|data\s+science|computer\s+vision)\s+for\s+(?:about\s+|around\s+|over\s+|almost\s+|nearly\s+|like\s+)?(?:(?:[5-9]|[1-3]\d|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s*\+?\s+years|a\s+decade)\b`,
        String.raw`\b(?:literally\s+)?(?:wrote|written|published|authored)\s+(?:the\s+)?papers?\s+(?:on|about)\s+(?:rlhf|dpo|lora|fine[\s-]?tuning|distillation|llms?|transformers|nlp|ml)\b`,
      ].join('|'),
      'g',
    ),
    'expert',
  ],
];

/** Someone wanted, not on the team: "hire an ML engineer", "looking for a data scientist". */
const WANTED_BEFORE =
  /\b(?:hire|hiring|recruit\w*|looking\s+for|need|want|find|budget\s+for)\s+(?:an?\s+|some\s+|more\s+)?$/;

/** A level said outright: "our ML skills are basic", "team is intermediate in ML", "so call it basic". */
const EXPLICIT_LEVEL = new RegExp(
  [
    String.raw`\b(?:ml\s+|machine[\s-]learning\s+|ai\s+)?(?:skills?|expertise|experience|knowledge|skill\s+level)\s+(?:is|are)\s+(?:at\s+)?(?:an?\s+)?(?:(?:pretty|fairly|quite|very|rather|only)\s+)?(none|basic|intermediate|advanced|expert)(?:\s+level)?\b`,
    String.raw`\b(?:team|we|i)\s+(?:is|are|am|'m|'re)\s+(?:(?:pretty|fairly|quite|very|rather|only)\s+)?(basic|intermediate|advanced|expert)(?:\s+(?:in|at|with)\s+(?:ml|machine\s+learning|ai))?\b`,
    String.raw`\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:(?:pretty|fairly|quite|very|rather|only)\s+)?(basic|intermediate|advanced|expert)\b`,
    String.raw`\bcall\s+(?:it|us|me)\s+(none|basic|intermediate|advanced|expert)\b`,
    // "Intermediate — two engineers who have fine-tuned BERT models before": the level, then what backs it.
    String.raw`^\W*(basic|intermediate|advanced|expert)\s*(?:[—–:]|\s-\s|,)\s*(?=[^.;!?\n]{0,80}\b(?:ml|machine[\s-]learning|engineers?|data\s+scientists?|fine[\s-]?tun\w*|trained|pytorch|models?|llms?)\b)`,
    // A form-like answer: "ml experience: pretty basic tbh", "ML skills - intermediate".
    String.raw`\b(?:ml|machine[\s-]learning|ai)\s+(?:skills?|expertise|experience|knowledge|skill\s+level)\s*(?::|=|\s-\s)\s*(?:(?:pretty|fairly|quite|very|rather|only|probably|maybe)\s+)?(none|basic|intermediate|advanced|expert)(?:-?ish)?\b(?=\s*(?:$|[.,;!)]|tbh|i\s+guess|i'd\s+say|really))`,
    String.raw`\b(basic|intermediate|advanced|expert)[\s-]level\b(?!\s+(?:of\s+)?(?:english|support|access|api))`,
    String.raw`\b(?:has|have|with)\s+(basic|intermediate|advanced|expert)\s+(?:ml\s+|machine[\s-]learning\s+|ai\s+)?(?:experience|skills?|expertise|knowledge)\b`,
    String.raw`\btreat\s+(?:us|me|the\s+team)\s+as\s+(?:an?\s+)?(basic|intermediate|advanced|expert)s?\b`,
    String.raw`\b(?:ml\s+)?(?:engineers|people|folks|staff|team|devs)\s+(?:are|is)\s+(?:all\s+)?(expert|advanced|intermediate|basic)s?\b`,
    // The level beside the people who have it: "2 intermediate ML engineers", "one junior ML eng with basic skills",
    // "3 contractors with intermediate ML background", "1 audio ML expert on the team".
    String.raw`\b(?:\d+|one|two|three|four|five|a|an|our|the)\s+(?:[a-z-]+\s+)?(basic|junior|intermediate|mid[\s-]?level|senior|advanced|expert)\s+(?:[a-z-]+\s+)?(?:ml|nlp|ai|machine[\s-]learning|data[\s-]science)\s+(?:engineers?|eng|folks|people|person|devs?|team|skills|background|experts?|researchers?)\b`,
    String.raw`\b(?:ml|nlp|ai|machine[\s-]learning|deep[\s-]learning|data)\s+(?:engineers?|eng|folks|people|person|devs?|team(?:\s+of\s+\d+)?|skills|background|scientists?)\b[^.;!?\n]{0,24}?(?:,|\(|\bwith)\s*(?:both\s+|all\s+|mostly\s+)?(basic|junior|intermediate|mid[\s-]?level|senior|advanced|expert)s?\b(?!\s*[-\s](?:written|labell?ed|annotated|rated|reviewed|curated))`,
    String.raw`\b(?:with|has|have)\s+(basic|intermediate|advanced|expert)\s+(?:ml|nlp|ai|deep[\s-]learning|machine[\s-]learning)(?:\s+(?:background|skills?|experience|knowledge))?\b`,
    String.raw`\b(?:ml|nlp|ai)\s+(?:eng|engineers?|person|folks|people)\s+(?:with\s+)?(basic|intermediate|advanced|expert)\s+(?:skills|background|experience)\b`,
    String.raw`\b(?:ml|nlp|audio\s+ml|speech|ai)\s+(expert)s?\s+on\s+(?:the|our)\s+team\b|\b(expert)s\s+on\s+the\s+team\b`,
    String.raw`\b(basic|intermediate|advanced|expert)\s+(?:ml|nlp|ai|deep[\s-]learning)\s+(?:skills|background|experience|knowledge)\b`,
    // "2 people who've done LoRA fine-tunes before (intermediate)".
    String.raw`\((basic|intermediate|advanced|expert)\)`,
    // An answer that is the level, hedged: "intermediate I'd say", "basic, I guess", "probably intermediate".
    String.raw`^\s*(?:(?:probably|maybe|honestly|i'd\s+say|i\s+guess)\s+)?(basic|intermediate|advanced|expert)(?:\s*[,—–-])?\s*(?:i'd\s+say|i\s+guess|i\s+think|i\s+suppose|probably|at\s+best|tops|maybe)\b`,
  ].join('|'),
  'g',
);
/** A level word that opens the message and ends its own clause: "basic. 2 data engineers…", "intermediate - we…". */
const LEADING_LEVEL = /^\W*(basic|intermediate|advanced|expert)\s*(?:[.;:!]|,|\s[-–—]\s)/;
const EXPLICIT_VALUE: Readonly<Record<string, Expertise>> = {
  none: 'none',
  basic: 'basic',
  junior: 'basic',
  intermediate: 'intermediate',
  'mid-level': 'intermediate',
  midlevel: 'intermediate',
  'mid level': 'intermediate',
  senior: 'expert',
  advanced: 'expert',
  expert: 'expert',
};

/**
 * Finds `mlExpertise` from who is on the team, or a level said outright; the most specific phrase wins when
 * several match one span, and the last statement wins across the message ("nobody is an ML specialist… call it
 * basic").
 */
export const extractExpertise: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  // "basic. 2 data engineers, they know python and sql, never trained a model": the level said first is the answer;
  // what follows describes the people behind it.
  const leading = LEADING_LEVEL.exec(lower);
  if (leading) {
    const level = EXPLICIT_VALUE[leading[1] ?? ''];
    if (level) return [findingFromMatch('mlExpertise', level, leading)];
  }
  for (const match of allMatches(EXPLICIT_LEVEL, lower)) {
    const level = EXPLICIT_VALUE[match.slice(1).find((group) => group !== undefined) ?? ''];
    if (level) findings.push(findingFromMatch('mlExpertise', level, match));
  }
  for (const [pattern, level] of PATTERNS) {
    // Matches of one pattern never overlap each other: the index of earlier patterns' findings is enough.
    const earlier = createSpanIndex(findings);
    for (const match of allMatches(pattern, lower)) {
      // "no ML engineers" also contains "ML engineers": the none-pattern already covers that span.
      if (earlier.covers(match.index)) continue;
      // "we tried to hire an ML engineer": someone the team does not have.
      if (WANTED_BEFORE.test(lower.slice(Math.max(0, match.index - 30), match.index))) continue;
      findings.push(findingFromMatch('mlExpertise', level, match));
    }
  }
  return findings;
};
