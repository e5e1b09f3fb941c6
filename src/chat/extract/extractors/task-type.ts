/**
 * @module The shape of the task (`taskType`): "a support chatbot" → chat, "sort emails into categories" → classify,
 * "transcribe calls" → transcribe, "generate product images" → image-generate. Patterns are most specific first.
 */
import type { TaskType } from '../../../profile/profile-schema.ts';
import { allMatches, findingFromMatch, isNegatedBefore, sentenceAround } from '../prepare-message.ts';
import type { Extractor } from '../types.ts';

/** Task shapes, most specific first (the first match in the message wins within one pattern; earlier patterns win). */
const TASK_TYPES: readonly (readonly [TaskType, RegExp])[] = [
  // "the art team wants concept thumbnails generated in our house art style": artwork made by the model.
  [
    'image-generate',
    /\b(?:(?:concept\s+)?(?:thumbnails|concept\s+art|key\s+art|sprites|game\s+icons)\s+generated|generat(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?(?:concept\s+(?:art|thumbnails)|thumbnails|sprites|game\s+icons))\b/g,
  ],
  [
    'image-generate',
    /\b(?:generat(?:e|es|ed|ing)|creat(?:e|es|ed|ing)|produc(?:e|es|ed|ing)|render(?:s|ed|ing)?|mak(?:e|es|ing))\s+(?:(?:new|product|marketing|brand(?:ed)?|realistic|our|the)\s+)*(?:[a-z-]+\s+)?(?:images?|pictures?|photos?|illustrations?|art|artwork|renders?|visuals|mockups|icons?|stickers?)\b|\btext[\s-]to[\s-]image\b|\bfrom\s+text\s+prompts\b|\bimage\s+generation\b|\b(?:stable\s+diffusion|sdxl|diffusion\s+model)\b/g,
  ],
  [
    'image-understand',
    /\b(?:(?:write|writes|writing|generate|generates|generating|auto[\s-]?write|produce|create)\s+(?:the\s+)?alt[\s-]text|alt[\s-]text\s+(?:for|of)\s+(?:(?:our|the|product|catalog(?:ue)?|all)\s+)*(?:images?|photos?|pictures?|screenshots?))\b|\b(?:classif\w*|tag\w*|label\w*|caption\w*|describ\w*|questions\s+about|inspect\w*|detect\w*|recogni[sz]\w*|read\w*|moderat\w*|understand\w*|analy[sz]\w*)\s+(?:(?:the|our|product|listing|catalog(?:ue)?|uploaded|user|user-uploaded|customer|incoming|new|medical|x-?ray|scanned)\s+)*(?:images?|photos?|pictures?|screenshots?|scans?|x-?rays?|frames?|video(?!\s+(?:comments?|titles?|descriptions?|transcripts?|metadata|tags?|reviews?|captions?)))\b|\b(?:image|photo|visual)\s+(?:classification|tagging|captioning|understanding|search|moderation|inspection|recognition)\b|\b(?:defect|object)\s+detection\b|\bocr\b(?!['’]?d\b|\s+(?:text|output))|\bdetect\w*\s+(?:\w+\s+){0,2}?(?:defects?|damage|cracks?|objects?|anomal\w*)\s+(?:in|on|from)\s+(?:\w+\s+){0,2}?(?:photos?|images?|pictures?|frames|video|x-?rays?|scans?)\b|\b(?:screenshots?|images?|photos?|scans?)\s+in,?\s+(?:\w+\s+){0,2}out\b|\bvision[\s-]language\b|\b(?:upload|send|share|snap)\w*\s+(?:\w+\s+){0,2}(?:screenshots?|photos?|images?|pictures?|scans?)\b[^.;!?\n]{0,60}?\bask\w*\s+(?:\w+\s+){0,2}questions\b|\blook\w*\s+at\s+(?:[\w-]+\s+){0,2}?(?:photos?|images?|pictures?|screenshots?|scans?|radiographs?|x-?rays?)\b|\breports?\s+from\s+(?:\w+\s+){0,2}(?:x-?rays?|images?|scans?|photos?|screenshots?)\b/g,
  ],
  // Classification said through its labels, before the audio or text the examples came from ("60k transcribed
  // utterances labeled with intents", "assign ICD-10 codes to discharge summaries", "tickets with the queue they ended
  // up in", "emails tagged with the department", "auto routing", "suggest ICD-10 codes").
  [
    'classify',
    /\b(?:tagged|labell?ed|marked)\s+with\s+(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+)?(?:department|team|queue|category|intent|outcome|priority|label|class)\b|\b(?:queue|team|department|category)\s+(?:they|it|that|each\s+one)\s+(?:ended\s+up|landed|went|was\s+routed)\s+(?:in|with|to)\b|\b(?:team|department|queue)\s+that\s+ended\s+up\s+handling\b|\bauto[\s-]?rout\w*|\bsuggest(?:s|ing)?\s+(?:the\s+(?:right\s+|correct\s+|likely\s+)?(?:(?:icd[\s-]?10(?:-cm)?|cpt|billing|diagnosis|procedure|medical)\s+)?|(?:the\s+)?(?:right\s+|correct\s+|likely\s+)?(?:icd[\s-]?10(?:-cm)?|cpt|billing|diagnosis|procedure|medical)\s+)?codes\b(?!\s+(?:for\s+(?:refactor\w*|fixes|improvements|the\s+(?:repo|codebase))|completions?|snippets?))|\bintent\s+(?:detection|classification|recognition)\b|\b(?:label(?:l)?ed|tagged|annotated)\s+(?:with|by)\s+(?:their\s+|the\s+|an?\s+)?(?:intents?|categories|classes|class\s+labels|reason\s+codes|fault\s+codes|codes)\b|\bassign\w*\s+(?:[\w-]+\s+){0,2}?(?:codes?|categories|labels|classes)\s+to\b|\b(?:from|in|out\s+of)\s+(?:our|a|the|their)\s+(?:fixed\s+|closed\s+)?list\s+of\s+(?:~\s*|about\s+|around\s+|roughly\s+)?\d+\s+(?:codes|categories|labels|classes|reasons|intents|types)\b/g,
  ],
  [
    'transcribe',
    /\b(?:transcri(?:be|bes|bing|ption|ptions|ber)|(?<!already\s)transcribed|speech[\s-]to[\s-]text|(?:need|needs|want|wants|get|make|produce|generate|create)\s+(?:accurate\s+|good\s+|clean\s+|automatic\s+)?transcripts?\s+of\s+(?:our\s+|the\s+|all\s+)?(?:[\w-]+\s+){0,2}(?:calls|meetings|recordings|audio|interviews|podcasts|videos|lectures|voicemails|sessions)|asr|(?<!\b(?:the|our|their|its|both\s+the)\s)dictation|speech\s+in\b|(?<!\b(?:tuned|trained|tried|used|had)\s)whisper(?:[\s-](?:large|medium|small|base|tiny|turbo|v\d|[\d.]+)){0,3}\s+(?:on|for)\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:audio|calls?|recordings?|voicemails?|dictations?|interviews?|meetings?)|audio\s+in\b|captions?\s+for\s+(?:our\s+|the\s+)?(?:[\w-]+\s+)?(?:calls|meetings|videos|podcasts|lectures))\b/g,
  ],
  [
    'code',
    /\b(?:(?<!\b(?:medical|clinical|icd(?:-?1[01])?|diagnosis|diagnostic|billing|procedure)\s+)(?<!\b(?:ehr|emr|hospital|clinic|patients?|charts?|payers?)\b[^.;!?\n]{0,60})cod(?:e|ing)\s+(?:assistant|completion|generation|review(?:er|ers|s)?|copilot|model|agent)(?![^.;!?\n]{0,80}\b(?:icd|cpt|snomed|hcc|diagnos\w*|billing\s+codes?|medical\s+codes?|procedure\s+codes?|ehr|emr)\b)|(?:kotlin|python|java|typescript|javascript|golang|rust|swift|c\+\+|c#|sql)\s+(?:autocomplet\w*|completion|code\s+completion)|(?:review\w*|for)\s+(?:our\s+|their\s+|the\s+)?prs\b|writ(?:e|es|ing)\s+(?:a\s+|the\s+)?(?:unit\s+)?tests?\s+for\b|(?:internal|proprietary|in-house|our)\s+dsl\b|(?:write|writes|writing|generate|generates|complete|completes|completion\s+of|translate|review)\s+(?!(?:training|the\s+training|glue|pipeline|eval\w*|infra\w*|our\s+training)\s+code\b)(?:\w+\s+)?(?:code|sql|queries|python|java|typescript|javascript|cobol|unit\s+tests)|text[\s-]to[\s-]sql|(?:cobol|fortran|java|python|c\+\+|c#|php|perl|vb6?|pl\/sql|javascript|typescript|ruby|scala|kotlin|golang|rpg)\s*(?:→|->|to)\s*(?:java|python|c#|typescript|javascript|golang|go|rust|kotlin|scala|c\+\+)\s+(?:migration|port(?:ing)?|conversion|translation|rewrite)|(?:code|codebase|legacy[\s-]code|mainframe)\s+(?:migration|modernization|modernisation|conversion)|(?:lua|python|bash|shell|powershell|javascript|typescript|groovy|vba)\s+scripts?|(?:into|to)\s+sql\b|(?:sql|query|programming)\s+(?:dialect|language)|\bsql\s+(?:queries|generation)|nl[\s-]?2[\s-]?sql|autocomplet\w*\s+(?:in|for)\s+(?:the\s+)?(?:ide|editor)|pull\s+requests?|code\s+review)\b/g,
  ],
  [
    'extract',
    /\b(?:extract\w*|pull\w*\s+(?:out\s+)?(?:the\s+|those\s+|these\s+|all\s+(?:the\s+)?)?(?:fields?|values|entities|line\s+items|data)|pull\w*\s+out\b|pull\w*\s+(?:[\w,()'-]+\s+){1,8}?(?:out\s+of(?!\s+(?:service|production|prod|rotation|the\s+loop|use|commission|the\s+(?:race|project|pilot|pipeline)|our\s+(?:stack|pipeline))\b)|off\s+(?:the\s+|our\s+)?(?:invoices?|receipts?|forms?|documents?|pdfs?|contracts?|emails?|resumes?|cvs?|statements?))|pars(?:e|es|ing)\s+(?:\w+\s+){0,2}(?:invoices?|documents?|forms?|receipts?|resumes?|cvs?|emails?|contracts?|pdfs?)|(?:turn|convert)\w*\s+(?:\w+\s+){0,3}into\s+(?:a\s+)?(?:[\w-]+\s+)?(?:json|structured|fields|rows|tickets|table|spreadsheet)|\w+\s*(?:→|->)\s*json\b|named[\s-]entity|ner\b|into\s+(?:structured\s+(?:fields|data|records|output)|(?:a\s+)?json(?:\s+(?:action|object|record)s?)?)|maps?\s+(?:\w+\s+){0,2}to\s+(?:a\s+)?json|fill\w*\s+(?:in\s+)?(?:the\s+)?(?:form|fields))\b/g,
  ],
  [
    'classify',
    /\b(?:(?<!\b(?:fine[\s-]?tuned|trained|built|shipped)\s+(?:[\w-]+\s+){0,2})classifiers(?!\s+(?:before|in\s+the\s+past|previously|for\s+years)\b)|classif(?!iers\b)(?!ied\s+(?:as\s+)?(?:confidential|secret|top\s+secret|restricted|internal|sensitive|official|protected|public)\b|ication\s+(?:policy|level|scheme)\b)\w*|categori[sz]\w*|sort\w*\s+(?:\w+\s+){0,3}into|(?:into|among|with\s+one\s+of)\s+(?:~\s*|about\s+|around\s+|roughly\s+|one\s+of\s+)?\d+\s+(?:categories|classes|intents|labels|buckets|codes)|rout(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}(?:\([^()]{0,60}\)\s+)?(?:to|into)\s+(?:the\s+right\s+|one\s+of\s+)?(?:~\s*|about\s+|around\s+)?(?:\d+\s+)?(?:queues?|teams?|departments?|categories|agents|buckets|labels|classes)|\(\s*\d+\s+(?:categories|classes|intents|labels)\s*\)|tag(?:s|ging)?\s+(?:(?:incoming|inbound|support|service|customer|our|the|new|news|user|all)\s+){0,3}(?:tickets?|emails?|messages?|reviews?|posts?|transactions?|articles?|documents?|comments?)\b|moderat\w*\s+(?:\w+\s+){0,2}(?:comments?|posts?|messages?|content|reviews?)\b|triag\w*(?!\s+(?:notes?|data|records?|reports?|forms?|nurses?|desk|room|area|unit|levels?|scores?|categories))|sentiment|(?:ticket|email|message|lead|document|claim|case|complaint)\s+routing|(?:across|into|among)\s+(?:~\s*|about\s+|around\s+|roughly\s+)?\d+\s+(?:categories|classes|intents|labels|buckets|codes)|(?:yes\s*\/\s*no|yes\s+or\s+no)\s+(?:\+|and|with|plus)?\s*(?:a\s+)?(?:reason|label|flag|answer)|\bflag\s+(?:urgent|critical|fraudulent|suspicious|risky|toxic|abusive)\s+|\btag\s+each\s+(?:call|ticket|email|message|report|document|item|record|case|chat|conversation)\s+(?:by|with)\b|(?:assign|put|set|pick)\s+(?:the\s+)?(?:right\s+|correct\s+)?(?:fault\s+|failure\s+|error\s+|defect\s+|diagnosis\s+|tariff\s+|hs\s+|cn\s+)codes?\b|spam\s+(?:detection|filter\w*)|(?:ticket|email|message|document|content|support)\s+tagging|intent\s+(?:detection|classification|recognition|routing)|tag\w*\s+(?:\w+\s+){0,3}(?:against|with|by|into)\s+(?:our|the|a|their)\s+(?:[\w'-]+\s+){0,3}?(?:taxonomy|categories|labels|classes)\b|(?:positive|negative)\s+or\s+(?:negative|positive|neutral)|whether\s+(?:a|an|the|each)\s+\w+\s+is\s+\w+\s+or\s+\w+|tag\w*\s+(?:\w+\s+){0,2}(?:tickets?|emails?|messages?|reviews?|posts?)\s+(?:with|by|into))\b/g,
  ],
  [
    'search',
    /\b(?:semantic\s+search|(?:make|made|making)\s+(?:\w+\s+){0,5}?searchable|searchable\s+(?:with|by|via|using)|rank\w*\s+(?:the\s+)?(?:search\s+)?results|(?<!\b(?:vector|embedding|embeddings|semantic)\s)search\s+(?:engine|over|across|through|our)|(?:find|finding|retriev\w*)\s+(?:the\s+)?(?:most\s+)?(?:relevant|right|similar|matching)\s+(?:\w+\s+){0,2}(?:docs|documents|articles|passages|products|cases|tickets|results)|re-?rank(?!ers?\b)\w*|match\w*\s+(?:\w+\s+){0,2}?(?:photos?|images?|queries|questions|descriptions)\s+to\s+(?:the\s+)?(?:right\s+|correct\s+|matching\s+)?(?:catalog(?:ue)?|products?|entries|items|listings|articles|skus?)\b|recommend\w*\s+(?:similar\s+)?products|(?:internal|enterprise|document|doc|intranet|knowledge)\s+search\b(?!\s+(?:is|was|isn't|wasn't)\s+(?:not\s+)?enough)|(?<!\b(?:retriever|retrieval|rag|search\s+step)\s)gets?\s+(?:back\s+)?(?:the\s+)?(?:\d+\s+|top\s+\d+\s+|top\s+)?(?:most\s+)?(?:relevant|similar|matching)\s+(?:[\w-]+\s+){0,2}?(?:docs|documents|articles|passages|pages|policies|clauses|results|files)\b(?![^.;!?\n]{0,40}\b(?:and|then)\s+the\s+(?:model|llm|bot)\s+(?:writes?|answers?|generates?)))\b/g,
  ],
  [
    'code',
    /\b(?:auto[\s-]?complet\w*|completions?)\s+(?:[\w-]+\s+){0,3}?(?:in(?:side)?|for)\s+(?:the\s+|our\s+)?(?:code\s+editor|ide|vs\s?code|editor)\b|\b(?:code\s+editor|ide)\s+(?:auto[\s-]?complet\w*|completions?)\b/g,
  ],
  [
    'chat',
    /\b(?:npcs?\s+(?:to\s+|that\s+|who\s+|can\s+|should\s+)?(?:haggle|talk|chat|converse|banter|bargain|respond\s+to\s+(?:the\s+)?players?)|(?:intake|triage|onboarding)\s+(?:chats?|chatbots?|conversations?)|chat\s?bots?|chat\s+assistant|(?:support|help[\s-]?desk|customer[\s-]service|hr|it|internal|sales|faq|virtual)\s+(?:bot|assistant|agent|chat)|assistant\s+that\s+(?:answers|chats|talks)|^\W*(?:an?\s+)?assistant\s+for\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:crews?|staff|employees|agents|technicians|engineers|nurses|doctors|clinicians|lawyers|teams?|workers|students|teachers|customers|users|visitors|farmers|citizens)\b|[.!?]\s+(?:an?\s+)?assistant\s+for\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:crews?|staff|employees|agents|technicians|engineers|nurses|doctors|clinicians|lawyers|teams?|workers|students|teachers|customers|users|visitors|farmers|citizens)\b|\ba\s+bot\s+(?:over|on|for|that|which)|\b(?:assistant|bot|chatbot)\s+(?:that\s+)?(?:our|the|their)\s+(?:[\w-]+\s+)?(?:techs|technicians|staff|employees|agents|nurses|customers|users|engineers|operators|drivers|crews?|people|students|teachers|reps|members|residents)\s+can\s+(?:ask|talk|chat|query)\b|\b(?:want|need|wants|needs)\s+(?:a\s+)?(?:chat)?bot\s+(?:to|that|which)\s+answer|conversational\s+(?:agent|assistant|ai|bot)|answer\w*\s+(?:\w+\s+){0,2}questions\b|(?:help\s?cent(?:er|re)|docs?|wiki|faq|kb|knowledge[\s-]base|helpdesk)\s+bot\b|(?:users|players|customers|employees|staff|visitors|nurses|agents|people|lawyers|accountants)\s+ask\s+(?:us\s+)?(?:questions|in\s+\w+|things|about\s+(?:our|the|their|its)\b)|(?:users|customers|employees|staff|visitors|nurses|agents|crews?|techs|technicians|associates|riders|residents|members|drivers|clinicians|students|parents|reps|engineers|operators|farmers|growers)\s+(?:want|need|would\s+like|have)\s+to\s+ask\s+(?:(?:questions\s+)?about|where|what|how|which|when|whether|if)\b|(?:shopping|booking|store|in[\s-]store|product|policy|permit|hr|travel)\s+assistant\b|(?:in[\s-]car|in[\s-]app|virtual|ai)\s+assistant\b|\b(?:companion\s+)?chat\s+app\b|\bcompanion\s+(?:app|bot)\b|\bcustomer\s+chat\b|\banswer\w*\s+(?:[\w+&/-]+\s+){1,4}questions\b|\b(?:npcs?|characters?|companions?|avatars?)\s+(?:that|who|which)\s+(?:can\s+)?(?:chat|talk|converse)\s+with\b|\bassistant\s+(?:that\s+)?(?:helps|grounded\s+in|for\s+(?:the|our|their)\b)|chatgpt\s+for\s+(?:our|the|internal)\b|ask\s+(?:it\s+)?questions\s+(?:about|on|over)\b|\b(?:the|our)\s+bot\s+(?:has|needs)\s+to\b|(?:ai\s+|math\s+|virtual\s+)?tutor(?:ing)?(?:\s+(?:bot|assistant|app))?|answer\w*\s+(?:customer|user|employee|patient|staff)\s+(?:questions|queries)|q\s?&\s?a\s+(?:bot|over|on\s+top\s+of|from|against|assistant|chat\w*|app|tool|service|system)|(?:citizen|customer|employee|patient|student|user|docs?|documentation|wiki|policy|faq)\s+(?:q\s?&\s?a|qa)\b(?!\s+(?:team|testing|tester|engineer))|(?:customer\s+service|support)\b[^.;!?\n]{0,40}?\b\d[\d,.]*\s*[km]?\s+chats?\s*(?:\/|per|a|each)\s*day|(?<![\d,.])\d[\d,.]*(?:\s*[km])?\s+(?:chats|conversations|chat\s+sessions)\s+(?:a|per|each)\s+day|(?:support|agent|coach|coaching)\s+replies\b|(?:customer[\s-]facing|slack|teams|discord|whatsapp|telegram|website|web|shop|store|in[\s-]app|employee|onboarding|policy)\s+(?:bot|chatbot|assistant)|\b(?:the|a|our|this)\s+bot\s+(?:(?:has|needs)\s+to\s+|to\s+|should\s+|must\s+|will\s+|that\s+|which\s+|(?:may|can|should|must)\s+only\s+)?(?:answer|respond|reply|chat|help|handle|deal\s+with|field)\w*|(?:assistant|bot|chatbot|copilot)\s+(?:over|on\s+top\s+of)\s+(?:our|the|their)\b|(?:bot|assistant|copilot)\s+(?:for\s+(?:\w+\s+){1,3})?(?:that|which|who)\s+(?:knows|answers|responds|replies|helps|chats|talks))\b/g,
  ],
  [
    'generate',
    /\b(?:first\s+drafts?\s+of|giv(?:e|es|ing)\s+(?:[\w-]+\s+){0,2}?(?:written\s+|detailed\s+|personal\s+)?feedback\s+on|writ(?:e|es|ing)\s+(?:(?!(?:into|from|to|for|of|in|on)\s)[\w-]+\s+){0,3}(?:descriptions?|emails?|replies|drafts?|summaries|reports?|articles?|posts?|copy|notes|letters|release\s+notes|responses)|draft\w*\s+(?:\w+\s+){0,2}(?:emails?|repl(?:y|ies)|responses?|letters|documents|contracts|clauses|memos|briefs|notes|announcements|posts?|updates|messages)|blog\s+posts?|newsletters?|headline\s+generation|(?:next[\s-](?:word|phrase)|text|phrase)\s+suggestions?|marketing\s+(?:copy|emails?)|(?:reply|response|text|message)\s+suggestions|suggest\w*\s+(?:short\s+)?(?:replies|responses)|(?<!\b(?:discharge|admission|hospital|patient|radiology|pathology)\s+)summaries|(?<!\b(?:from|of|in|on|to|the|these|those|our|\d[\d,]*)\s+(?:discharge|admission|hospital|patient|radiology|pathology)\s+)(?<=\b(?:discharge|admission|hospital|patient|radiology|pathology)\s+)summaries(?!\s+(?:are|is|were|was|contain\w*|includ\w*|classified|coded|tagged|labell?ed|may|must|can|have|has)\b)|summari[sz]\w*|(?:call|meeting|visit|case|shift|discharge|after[\s-]call|auto(?:matic)?|ticket|incident)\s+summary\b|(?<!\b(?:give|send|show|write|tell)\s+(?:me|us)\s+)(?:a|one)\s+(?:short|brief|concise|quick|daily|weekly|one[\s-]paragraph|\d{1,3}[\s-]word)\s+summary\s+of\b(?!\s+(?:the\s+|your\s+|this\s+|our\s+|my\s+|these\s+|those\s+|all\s+)?(?:budget|plan|advice|recommendations?|answers?|options|conversation|chat|costs?|steps|differences|pros|trade[\s-]?offs?|above|what|how|why|where)\b|\s+(?:it|that|this)\s*(?:[.,;!?]|$))|generat\w*\s+(?:[\w-]+\s+){0,2}(?:descriptions?|text|copy|reports?|summaries|emails?|content|headlines|posts|explanations|impressions|captions|drafts?|narratives?)|(?:email|letter|reply|report|response|memo)\s+drafting|(?:make|create|produce)\s+(?:\w+\s+){0,2}descriptions\b|(?:explanations|summaries|drafts|posts|headlines|impressions)\s+generated\b|draft\s+generator|draft\w*\s+(?:\w+\s+){0,2}(?:reports?|impressions|summaries)|social\s+(?:media\s+)?posts|translat\w*|(?:game|dialogue|content|app|ui|website|marketing|product|string|text)\s+locali[sz]ation|locali[sz](?:ation|e[sd]?)\s+(?:of\s+)?(?:our\s+|the\s+)?(?:app|ui|strings|content|copy|games?|website|products?|text|docs|documentation|marketing|dialogue)\b|locali[sz]e[sd]?\s+(?:\w+\s+){0,3}?into\s+|rewrit\w*|paraphras\w*|(?:soap|meeting)\s+notes|soap\s+note\s+format|(?:writ\w*|draft\w*|generat\w*|produc\w*|creat\w*)\s+(?:\w+\s+){0,2}?clinical\s+notes|(?:npc\s+)?dialogue\s+(?:generation|lines)|npc\s+dialogue|character\s+dialogue)\b/g,
  ],
  // Phrasings found by the independent batch x23 (lowest priority: the forms above decide first).
  [
    'search',
    // ("more like search than chat: … we return the 5 most relevant past incident reports", x64.)
    /\b(?:product|catalog(?:ue)?|site|store|shop|e-?commerce)\s+search\b(?!\s+(?:bar\s+)?(?:is|was)\s+(?:fine|ok|good))|\b(?:more\s+(?:like|of\s+a)|basically|really\s+just|it's)\s+(?:a\s+)?search\s+(?:than|rather\s+than|not)\s+(?:a\s+)?chat\b|\breturn\s+(?:the\s+)?(?:\d{1,3}|top\s+\d{1,3}|three|five|ten|twenty)\s+(?:most\s+)?(?:relevant|similar|closest)\b|\b(?:natural[\s-]language|semantic)\s+(?:[\w-]+\s+)?search\b|\bsearch\s+(?:tool|engine|app|interface|system|function)\s+(?:over|across|for|on|into)\b|(?<!\b(?:vector|embedding|embeddings|semantic|hybrid|keyword)\s)\bsearch\s+(?:\d+\s+years\s+of\s+|all\s+(?:of\s+)?|through\s+)?(?:our\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:docs|documents|pdfs|files|records|archives?)\b/g,
  ],
  [
    'classify',
    /\boutputs?\s+(?:the\s+)?(?:likely\s+|right\s+|correct\s+|most\s+likely\s+)?(?:[\w-]+\s+)?(?:code|label|category|class)\b/g,
  ],
  [
    'chat',
    /\bchat\s+support\b|\b(?:send|text|message)\w*\s+(?:us\s+)?(?:an?\s+)?(?:sms|texts?|messages?|whatsapps?)\s+asking\b/g,
  ],
  // Phrasings found by the independent batch x35.
  [
    'transcribe',
    /\b(?:auto[\s-]?)?(?:generat\w*|creat\w*|produc\w*)\s+(?:[\w-]+\s+){0,2}?subtitles\b(?![^.;!?\n]{0,40}\bfrom\s+(?:our\s+|the\s+)?(?:[\w-]+\s+)?(?:subtitles|scripts?|text|transcripts?)\b)|\bsubtitl(?:e|es|ing)\s+(?:for\s+)?(?:our\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:videos?|episodes?|films?|shows?|catalog(?:ue)?)\b/g,
  ],
  [
    'classify',
    /\b(?:rout(?:e|es|ing)|sort\w*|split\w*|bucket\w*)\s+(?!(?:the\s+|our\s+)?(?:data(?:set)?|team|budget|work|traffic|load|gpus?|training)\b)(?:[\w-]+\s+){0,4}?into\s+(?:about\s+|around\s+|~\s*)?\d+\s+(?:types|kinds|groups|topics|queues)\b/g,
  ],
  [
    'chat',
    /\b(?:(?:an?|the)\s+(?:ai\s+)?conversation(?:al)?\s+partner\s+(?:that|who|which|for)|(?:in-cab|in-car|in-app|in-game|ai)\s+assistant|customer[\s-]service\s+ai|npcs?\s+that\s+(?:talk|speak|chat|converse))\b/g,
  ],
  [
    'generate',
    /\b(?:turn|convert)\w*\s+(?:[\w-]+\s+){1,4}?into\s+(?:[\w-]+\s+){0,2}?(?:reports?|summaries|descriptions?|articles?|letters|emails?|posts?|scripts?)\b|\bheadlines?\s+(?:\+|and|&)\s+(?:teasers?|summaries|subheads?)\b|\b(?:description|copy|report|email|content)[\s-]writer\b|\b(?:quiz|quizzes|exam|test|question|lesson[\s-]plan|worksheet|report|content|email|letter|summary|description|copy|story)\s+generator\b/g,
  ],
  // "a photo of a sneaker comes in, we need brand and model out of it": an image read for facts.
  [
    'image-understand',
    /\b(?:a|each|every|the)\s+(?:photo|image|picture|screenshot|scan)\s+(?:of\s+(?:an?\s+|the\s+)?[\w-]+\s+)?(?:comes?\s+in|is\s+uploaded|arrives)\b/g,
  ],
  // "adjusters upload photos of damaged cars and the model has to look at them": the photos, looked at.
  [
    'image-understand',
    /\b(?:upload|send|take|snap|submit)\w*\s(?:[\w-]+\s){0,2}?(?:photos?|images?|pictures?|scans?|screenshots?)\b[^.;!?\n]{0,80}?\b(?:look\w*\sat|read\w*|check\w*|inspect\w*|assess\w*)\s(?:them|it|those|each\sone)\b/g,
  ],
  // "they photograph extinguisher tags and we need the last inspection date read off the tag": a photo, read.
  [
    'image-understand',
    /\b(?:photograph\w*|snap\w*\s+(?:a\s+)?(?:photo|picture)s?\s+of|take\s+(?:a\s+)?(?:photo|picture)s?\s+of)\s+(?:[\w-]+\s+){0,3}?[\w-]+\b[^.;!?\n]{0,80}?\bread\s+(?:off|from)\s+(?:the|each|a|that)\s+(?:tags?|labels?|plates?|meters?|gauges?|photos?|pictures?|images?|stickers?|displays?)\b/g,
  ],
  // "flag defects in photos from the factory line", "spot damage on car pictures", "describe the damage in claim
  // photos": looking at images.
  [
    'image-understand',
    /\b(?:flag\w*|detect\w*|spot\w*|find\w*|inspect\w*|identify\w*|recogni[sz]\w*|count\w*|describ\w*)\s+(?:[\w-]+\s+){0,3}?(?:in|on|from)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:photos?|images?|pictures?|camera\s+(?:feeds?|frames?)|x-?rays?|scans?)\b/g,
  ],
  // "grading short student essays in Portuguese", "score exam answers against a rubric": a grade is one of a few labels
  // (not when feedback is written too).
  [
    'classify',
    /\b(?:grad(?:e|es|ing)|scor(?:e|es|ing)|mark(?:s|ing)?)\s+(?:(?:short|long|student|students'|the|our|written|free[\s-]text|open[\s-]ended|exam|incoming|[a-z]+(?:ese|ish|an))\s+){0,3}(?:essays?|assignments?|submissions?|exams?|homework|compositions?|short[\s-]answers?)\b(?![^.;!?\n]{0,80}\b(?:feedback|comments?|explanations?|explain)\b)/g,
  ],
];

/** A request to the advisor right before the verb: "can you summarize…", "could you write…". */
const ASKED_OF_THE_ADVISOR = /\b(?:can|could|would|will|pls|please)\s+you\s+(?:please\s+)?$/;

/**
 * Text that an OCR step already produces: "OCR already gives us the text", "the OCR engine outputs text", "the text
 * from OCR". The model reads that text, not the scans. (Not "our OCR gives garbage on handwriting".)
 */
export const OCR_GIVES_TEXT =
  /\bocr(?:\s+(?:engine|step|system|tool|pipeline|layer))?\s+(?:already\s+|then\s+|now\s+|just\s+)?(?:gives|give|produces|extracts|outputs|returns|hands|provides)\s+(?:us\s+)?(?:the\s+|clean\s+|plain\s+|good\s+|usable\s+|decent\s+)?(?:text|transcripts?)\b|\b(?:the\s+)?text\s+(?:from|out\s+of)\s+(?:the\s+|our\s+)?ocr\b/;

/**
 * Images said to be no part of this work: "no images involved", "there are no photos", "not an image task".
 * An image task named in such a message belongs to something else.
 */
const NO_IMAGES = new RegExp(
  String.raw`\b(?:no|not|without)\s+(?:any\s+|the\s+)?(?:images?|photos?|pictures?|scans?|vision)\b(?!\s+(?:yet|for\s+now))|\bocr(?:'?d)?\s+text\b|${OCR_GIVES_TEXT.source}|\bocr\s*(?:->|→|=>|,\s*then|\s+then|\s+and\s+then)|\bnot\s+an?\s+(?:image|vision)\s+(?:task|problem|model)\b|\b(?:we(?:'ll|\s+will|\s+would|\s+can|\s+could)?|just)\s+ocr\s+(?:everything|all\s+of\s+(?:it|them)|the\s+(?:scans|images|photos|pdfs|documents)|them|it)\b|\b(?:the\s+)?model\s+(?:input\s+is|only\s+(?:ever\s+)?sees|(?:will\s+)?only\s+(?:ever\s+)?(?:see|get)s?|sees\s+only|gets\s+only)\s+(?:plain\s+|just\s+|only\s+)?text\b`,
);
/**
 * "the other 2 serve our OCR", "the OCR is a different system", "cards IT bought for document OCR", "busy with OCR jobs":
 * work of another system, not this one.
 */
const ANOTHER_SYSTEM =
  /\b(?:(?:a|another)\s+(?:different|separate|other)|different|separate|another)\s+(?:system|project|team|pipeline|service|model|product|use[\s-]case)\b|\bthe\s+other\s+(?:\d+|one|two|three|four|few)\b[^.;!?\n]{0,20}?\b(?:serve|serves|run|runs|handle|handles|are\s+for|is\s+for|do|does|power|powers)\b/;

/**
 * The speech is made text before the model sees it: "voice commands (already transcribed to text)", "the
 * speech-to-text already happens before us", "the input is text". Neither transcription nor audio is the team's task.
 */
/** "cards IT bought for document OCR", "busy with OCR jobs": OCR as another job on the hardware. */
const OCR_ELSEWHERE =
  /\b(?:bought|purchased|acquired|got|set\s+up|used|reserved|busy)\s(?:[\w-]+\s){0,3}?(?:for|with)\s(?:[\w-]+\s){0,2}?ocr\b(?!\s+(?:of|on)\b)|\bocr\s(?:jobs?|runs?|batch\w*|workloads?|work)\b/;

export const SPEECH_ALREADY_TEXT =
  /\b(?:already\s+(?:transcribed|converted\s+to\s+text)|(?:transcribed|converted)\s+to\s+text\s+(?:already|before|upstream|first|by\s+(?:the|an?|our)\b)|(?:speech[\s-]to[\s-]text|stt|asr|transcription)\s+(?:step\s+)?(?:already\s+)?(?:happens|is\s+done|runs|is\s+handled|is\s+solved|comes)\s+(?:before|upstream|elsewhere|earlier|outside|first|separately)|(?:the\s+)?input\s+is\s+(?:plain\s+|just\s+|only\s+)?text|we\s+(?:don't|do\s+not)\s+do\s+(?:the\s+)?(?:transcription|speech[\s-]to[\s-]text|asr)|(?:gets?|is|are|was|were|being)\s+transcribed\s+(?:already\s+)?by\s+(?:our|the|an?|a\s+separate|another)\s+(?:[\w-]+\s+)?(?:speech[\s-]to[\s-]text|stt|asr|whisper|system|software|vendor|service|tool|engine|pipeline)\b|(?:gpt|it|the\s+(?:model|llm))\s+only\s+sees\s+text|text\s+in\s*(?:->|→|-|,|and|to)?\s*text\s+out|transcription\s+is\s+(?:a\s+|done\s+by\s+a\s+|handled\s+by\s+a\s+)?(?:separate|different|another|other)\s+(?:system|step|service|tool|team|pipeline)\b|\b(?:task|job|step|this|it)\s+(?:is\s+not|isn'?t)\s+(?:an?\s+)?(?:transcription|speech[\s-]to[\s-]text|asr)(?![\w-]))/;

/** "draft a first reply for the agent", "write the response": a reply the model writes beside a label. */
const REPLY_WRITTEN =
  /\b(?:and|then|plus|also)\s+(?:to\s+)?(?:draft\w*|writ(?:e|es|ing)|generat(?:e|es|ing)|suggest(?:s|ing)?)\s+(?:[\w-]+\s+){0,3}?(?:repl(?:y|ies)|responses?|answers?|letters?)\b/g;

export const extractTaskType: Extractor = (message) => {
  const { lower } = message;
  const speechIsText = SPEECH_ALREADY_TEXT.test(lower);
  for (const [taskType, pattern] of TASK_TYPES) {
    if (taskType === 'transcribe' && speechIsText) continue;
    const match = allMatches(pattern, lower).find(
      // "can you summarize what you have so far" asks the advisor to do something; it is not the team's task.
      (candidate) =>
        !isNegatedBefore(lower, candidate.index, 12) &&
        !ASKED_OF_THE_ADVISOR.test(lower.slice(Math.max(0, candidate.index - 16), candidate.index)) &&
        !(
          taskType === 'image-understand' &&
          (NO_IMAGES.test(lower) ||
            ANOTHER_SYSTEM.test(sentenceAround(lower, candidate.index, 120)) ||
            // ("cards IT bought for document OCR": the OCR is another job, unless the model itself reads the images.)
            (/\bocr\b/.test(candidate[0]) && OCR_ELSEWHERE.test(sentenceAround(lower, candidate.index, 120))))
        ),
    );
    if (match) {
      // ("sort them into categories and draft a first reply for the agent": the reply is written, so the model
      // generates; the category is one more thing it writes.)
      if (taskType === 'classify') {
        const written = allMatches(REPLY_WRITTEN, lower)[0];
        if (written !== undefined && !isNegatedBefore(lower, written.index, 12))
          return [findingFromMatch('taskType', 'generate', written)];
      }
      return [findingFromMatch('taskType', taskType, match)];
    }
  }
  return [];
};
