/**
 * @module What must get better (`goals`): "answer from our docs" → knowledge, "must cite sources" → citations,
 * "strict JSON" → format, "in our brand voice" → style, "too expensive" → cost, "too slow" → latency,
 * "runs on the phone" → on-device, "ignores instructions" → instruction-following, "prefer the answers our agents
 * like" → alignment, "more accurate classification" → task-skill. One finding per goal; the extraction merges them.
 */
import type { Goal, Profile, ProfileField } from '../../../profile/profile-schema.ts';
import { allMatches, finding, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { AnswerReader } from '../short-answer.ts';
import type { Extractor, Finding, Implied } from '../types.ts';
import { PHONE_CALL } from './deployment.ts';

const DOCS = String.raw`(?:(?:our|the|their|\d{4}|current|latest|official|company|internal|product|support|help[\s-]?cent(?:er|re)|hr|it|policy|legal|technical|api|electronic|lab|project|(?:~|about\s|around\s)?(?<![\d,.])\d+(?:[,.]\d{3})*(?:\.\d+)?k?)\s+){0,3}(?:docs|documentation|documents|knowledge[\s-]?base|kb|wiki|confluence|notion|sharepoint|manuals?|handbook|policies|(?:faq|help|web|policy)\s+pages|faqs?|pdfs|(?:lab\s+)?notebooks|frameworks|codebase|code\s+base|help[\s-]?cent(?:er|re)|articles|runbooks|playbooks|intranet|sops?|guidelines|product\s+catalog(?:ue)?|contracts|case\s+law|precedents|archives?|(?:precedent|case[\s-]?law|reference|knowledge|document|research|product|parts)\s+databases?)`;

const GOAL_PATTERNS: readonly (readonly [Goal, RegExp])[] = [
  [
    'knowledge',
    new RegExp(
      [
        String.raw`\b(?:answer|answers|answering|respond|responds|grounded|based|draws?|drawing|using|use|uses|from|over|on\s+top\s+of|search(?:es|ing)?|look(?:s|ing)?\s+up|knows?|know\s+about|trained\s+on|q\s?&\s?a\s+(?:over|on))\s+(?:(?:only\s+|just\s+)?(?:from|on|in|with|about|over)\s+)?${DOCS}\b`,
        String.raw`\b${DOCS}\s+(?:bot|assistant|chatbot|q\s?&\s?a|search|lookup)\b`,
        // "it needs to actually know our internal apis": what the model must know of the team's own things.
        String.raw`\b(?:needs?|has|have)\s+to\s+(?:actually\s+|really\s+)?know\s+(?:about\s+)?(?:our|the\s+company'?s)\s+(?:own\s+|internal\s+|in[\s-]house\s+|private\s+)?(?:apis|libraries|codebase|code|products|catalog(?:ue)?|policies|procedures|systems|tools|services|docs|documentation)\b`,
        // "want bot to answer crop disease + fertilizer qs from our advisory pdfs", "answers from the airline policy KB".
        String.raw`(?<!\b(?:classify|classifying|categori[sz]e|tag|tagging|label|labelling|labeling|sort|sorting|route|grade|grading|score|scoring|rate|rating|check|checking|review|reviewing)\s+(?:[\w-]+\s+){0,2})\b(?:answer|answers|answering)\b[^.;!?\n]{0,80}?\b(?:from|based\s+on|grounded\s+in)\s+(?:our|the|their|its)\s+(?:[\w-]+\s+){0,2}?(?:docs|documentation|documents|pdfs|manuals?|handbooks?|(?<!\bstyle\s)guides|wiki|kb|knowledge[\s-]?base|faqs?|policies|sops|guidelines|guidance|regulations|legislation|procedures|standards|reports|articles|archives?|memos|precedents|case\s+law|(?:info|information|fact|data|allergen)\s+sheets|spreadsheets)\b`,
        // "technicians need answers from about 3,000 pages of maintenance manuals": answers out of a counted collection.
        String.raw`\b(?:answers?|answering|questions?)\s(?:from|based\son|out\sof|using|in)\s(?:about\s|around\s|roughly\s|some\s|~\s?)?\d[\d,.]*k?\s(?:[\w-]+\s)?(?:pages|pdfs|documents|docs|manuals|articles|policies|procedures)\b`,
        // "The assistant should answer from those", "it must answer from these records": answers out of what was just
        // described (a question-answering assistant, not a classifier's input).
        String.raw`\b(?:assistant|bot|chatbot|model|it)\s+(?:should|must|has\s+to|needs\s+to|will|would|can)\s+(?:only\s+)?answer\s+(?:only\s+)?(?:from|based\s+on|using)\s+(?:those|these|them|the\s+records|those\s+records|these\s+records|(?:this|that)\s+(?:data|database|collection|archive|material|content|information|info))(?=\s*(?:[.,;!?]|$|\s+(?:and|but|so|only|alone)\b))`,
        // "answers should come from a smallish set of ~200 FAQ pages": the documents are where answers come from.
        String.raw`\banswers?\s(?:should|must|have\sto|has\sto|need\sto|needs\sto)\s(?:come|be\staken|be\sdrawn)\sfrom\b`,
        // "the model invents things that contradict it (our lore bible)": facts it lacks.
        String.raw`\binvent(?:s|ing)?\s(?:things|stuff|facts|details|names|events|lore|history|backstory|rules|policies|features)\sthat\s(?:contradicts?|conflicts?\swith|aren't\sin|are\snot\sin)\b(?!\s(?:the|its)\s(?:input|source|email|article|document|text|transcript|call|note|record)s?\b)`,
        // "answer customer questions about our billing policies", "questions on the travel rules".
        String.raw`(?<!\b(?:classify|classifying|categori[sz]e|tag|tagging|label|labelling|labeling|sort|sorting|route|routing|triage|grade|grading|score|scoring)\s+(?:[\w-]+\s+){0,2})\bquestions?\s+(?:about|on|from|regarding|over)\s+(?:[\w'-]+\s+){0,6}?(?:polic(?:y|ies)|docs|documentation|documents|manuals?|handbook|wiki|knowledge[\s-]?base|faqs?|terms(?:\s+and\s+conditions)?|procedures|rules|guidelines|regulations|coverage|covers|benefits|warrant(?:y|ies)|allergens?|ingredients)\b`,
        // "answer customers' allergen questions", "coverage questions": questions whose answers are facts on file.
        String.raw`(?<!\b(?:classify|classifying|categori[sz]e|tag|tagging|label|labelling|labeling|sort|sorting|route|routing|triage|grade|grading|score|scoring)\s+(?:[\w-]+\s+){0,2})\b(?:allergen|coverage|benefits?|warranty|ingredient|policy|tax)\s+(?:questions|queries)\b`,
        String.raw`\b(?:doesn't|doesnt|does\s+not|don't|dont|do\s+not)\s+(?:really\s+|even\s+)?know\s+(?:anything\s+about\s+)?(?:our|about\s+our)\b`,
        // "it knows nothing about the new product line that launched in april".
        String.raw`\b(?:it|the\s+model|the\s+bot|the\s+assistant)\s+knows\s+(?:nothing|zero|very\s+little|little)\s+about\s+(?!(?:our\s+|the\s+|its\s+)?(?:brand\s+)?(?:format\w*|style|tone|voice|json|schema|structure|grammar|spelling|template)\b)(?:the\s+|our\s+)?(?:new|latest|recent|current|updated|[\w-]+\s+)?`,
        // "we want the model to actually know that stuff", "it has to know about them the same day".
        String.raw`\b(?:want|need|wants|needs)\s+(?:the\s+model|the\s+bot|the\s+assistant|it)\s+to\s+(?:actually\s+|really\s+)?(?:know|understand)\s+(?:that\s+stuff|this\s+stuff|all\s+(?:of\s+)?(?:that|this)|our|about|(?:the|our|that|this)\s+domain)\b`,
        // "crews want to ask about engine manuals and safety procedures", "look up our herd-health protocols": the
        // team's own documents are what the answers come from.
        // (Asked of the system, "want to ask", "can look up": not the people whose messages a classifier sorts,
        // "customers asking about refund policies".)
        String.raw`(?:\b(?:want|wants|need|needs|would\s+like|able|can|could|should|will)\s+(?:to\s+)?(?:be\s+able\s+to\s+)?|\bto\s+|\b(?:techs|technicians|staff|employees|crews?|drivers|nurses|agents|reps|members|residents|engineers|operators|clinicians|doctors|lawyers|teachers|students)\s+)(?:ask|look\s+up|search|query)\s+(?:(?:questions\s+)?(?:about|on|in|through)\s+)?(?:(?!(?:not|never|no)\b)[\w'-]+\s+){0,5}?(?:ordinances|manuals|procedures|standards|polic(?:y|ies)|protocols|specs|specifications|regulations|handbooks?|documentation|guidelines|bylaws|formulary|sops)\b`,
        // "employees ask the bot questions about it" (the wiki just named).
        String.raw`\b(?:ask|asks|asking)\s+(?:the\s+bot|the\s+assistant|the\s+model|it)\s+questions\s+(?:about|on)\b`,
        // "the bot may only answer from that customer's own files".
        String.raw`\banswer\w*\s+only\s+from\s+(?:(?:that|the|each)\s+customer's|their|our|its)\s+(?:own\s+)?(?:files|documents|docs|pdfs|data|content|knowledge\s+base)\b|\b(?:may|can|must|should)\s+only\s+answer\s+from\s+(?:(?:that|the|each)\s+customer's|their|our|its)\s+(?:own\s+)?(?:files|documents|docs|pdfs|data|content)\b`,
        String.raw`\b(?:has|have|needs?)\s+to\s+know\s+about\s+(?:them|it|those|these|the\s+new|new)\b`,
        // "NPCs need to know it and not contradict it": the answers must keep to the team's own material.
        String.raw`\b(?:need|needs|has|have)\s+to\s+know\s+(?:it|them|the\s+lore|our\s+lore|the\s+world)\s+and\s+(?:not|never)\s+contradict\b|\b(?:never|not|must\s+not|mustn't|can't)\s+contradict\s+(?:the|our)\s+(?:lore|canon|docs|documentation|policies|facts|source)\b`,
        // "keeps inventing function names that don't exist in our sdk".
        String.raw`\binvent(?:s|ing|ed)?\s+(?:\w+\s+){0,2}?(?:names|apis|endpoints|functions|methods|parameters|fields|facts|details|policies|products|numbers|citations|references|prices|dates|opening\s+hours|hours|schedules|addresses|deadlines|part\s+numbers)\b`,
        String.raw`\b(?:proprietary|internal|domain)\s+knowledge\b`,
        // "missing knowledge is a goal", "knowledge the model doesn't have", "(the NPCs) must KNOW the lore".
        String.raw`\b(?:missing|lacking|lack\s+of)\s+(?:domain\s+)?knowledge\b|\bknowledge\s+(?:is|as)\s+(?:a|the|our|one)\s+(?:main\s+|real\s+|first\s+|second\s+)?goal\b|\bknowledge\s+(?:that\s+)?the\s+model\s+(?:doesn'?t|does\s+not|lacks|hasn'?t\s+got)\b|\b(?:must|has\s+to|have\s+to|needs?\s+to|should|want\s+(?:it|them)\s+to)\s+(?:actually\s+|really\s+)?know\s+(?:the|our|all\s+(?:the|our))\s+(?:lore|canon|world|products?|catalog(?:ue)?|facts|policies|rules|history|codebase|domain)\b|\b(?:and|but|to|that|who)\s+(?:actually\s+|really\s+)?knows?\s+(?:the|our)\s+(?:lore|canon|world|products?|catalog(?:ue)?|facts|policies|codebase)\b|\b(?:model|bot|assistant|llm|something|one|ai)\s+(?:that|which)\s+(?:actually\s+|really\s+)?knows?\s+(?:the|our)\s+(?:(?:internal|in-house|own|proprietary)\s+)?(?:[\w-]+\s+)?(?:domain|framework|sdk|apis|libraries|business|industry)\b`,
        String.raw`\bhallucinat\w*\b`,
        // "answers must come from our agronomy handbook".
        String.raw`\b(?:answers?|replies|responses)\s+(?:must|should|have\s+to|has\s+to|need\s+to|needs\s+to)\s+(?:only\s+)?come\s+(?:only\s+)?from\s+(?:our|the|their)\b`,
        String.raw`\bmak(?:e|es|ing)\s+(?:stuff|things|facts|answers|(?:\w+\s+)?details)\s+up\b|\bmak(?:e|es|ing)\s+up\s+(?:\w+\s+){0,2}(?:details|facts|answers|policies|numbers|stuff|things)\b`,
      ].join('|'),
      'g',
    ),
  ],
  [
    'freshness',
    /\b(?:up[\s-]to[\s-]date|stale|out[\s-]of[\s-]date|outdated|latest\s+(?:info|information|version|docs|prices|data|changes|policies|rules)|fresh(?:ness)?|current\s+(?:info|information|prices|data)|(?:be|stay|are|is|keep\s+\w+)\s+(?:current|up[\s-]to[\s-]date)|quot(?:e|es|ing)\s+(?:last\s+(?:week|month|year)'s|old|outdated|stale|expired)|reflect\s+(?:that|those\s+changes|the\s+(?:latest|current)|changes|the\s+changes))\b/g,
  ],
  [
    'citations',
    /\b(?:cite|cites|citing|citations?|sources?\s+(?:linked|cited|shown|attached)|link(?:ed|s)?\s+(?:back\s+)?to\s+(?:the\s+)?(?:source|article|doc|page|policy)|show\s+(?:the\s+|its\s+|their\s+)?sources?|with\s+(?:the\s+)?sources|references?\s+to\s+the)\b/g,
  ],
  [
    'format',
    /\b(?:ignor(?:e|es|ing)\s+(?:our|the|their)\s+(?:[\w-]+\s+){0,2}?(?:format|template|layout|structure)|(?:table|spreadsheet|sheet)\s*:\s*[\w:/-]+(?:\s+[\w:/-]+)?(?:\s*\|\s*[\w:/-]+(?:\s+[\w:/-]+)?){2,}|json|xml|yaml|(?<!\b(?:exported|export|stored|saved|dumped|kept|sitting|are|is|were|live|lives|sit|sits)\s+(?:as|in|to|into)\s+(?:a\s+|one\s+|big\s+)?)csv(?!\s+(?:files?|exports?|dumps?|sheets?))|schema|strict(?:ly)?\s+(?:[a-z-]+\s+){0,2}?(?:format|structure|template)|(?:output|response)\s+format|structured\s+(?:output|data|json)|fixed\s+(?:[a-z-]+\s+){0,2}?(?:format|template|fields)|(?:reply|answer|response|letter|email|report)\s+templates|template|valid\s+(?:json|sql)|field\s+layout|(?:can't\s+|cannot\s+|doesn't\s+|won't\s+|fails?\s+to\s+)?write\s+in\s+(?:the|our)\s+(?:[\w-]+\s+)?format|layout\s+(?:our|the)\s+[\w-]+\s+expects|(?:answer|reply|respond|output|write|return)\w*\s+(?:\w+\s+){0,2}?(?:in|into)\s+the\s+(?:exact|precise|required|expected)\s+format\b|format\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}?(?:app|system|software|tool|parser|api|cms|erp)\s+(?:expects|needs|requires|accepts)|(?:in|as)\s+markdown|exact\s+(?:headings|sections|layout)|miss(?:es|ing)?\s+the\s+format|(?:\d+|three|five|four)\s+bullet(?:\s+points)?\s+(?:max|at\s+most|maximum|only)|(?:wrong|broken|inconsistent)\s+format(?:ting)?|format(?:ting)?\s+(?:errors|issues|problems|mistakes)|format(?:ting)?\s+(?:keeps\s+(?:breaking|changing|drifting)|is\s+(?:wrong|off|inconsistent|broken|all\s+over)|breaks|broke|has\s+to\s+be|must\s+be|needs\s+to\s+be)|(?:it's|its|it\s+is)\s+the\s+format(?:ting)?\s+(?:that's|thats|that\s+is)\s+(?:wrong|off|broken|the\s+problem)|(?:the\s+)?(?:structure|format(?:ting)?|layout)\s+(?:drifts?|wanders?|varies)|in\s+(?:our|the|a)\s+(?:\d+[\s-](?:section|part|field|heading)s?\s+|fixed\s+)(?:house\s+)?(?:format|template|structure))\b/g,
  ],
  [
    'style',
    /\b(?:in\s+(?:our|the|their|my)\s+(?:brand'?s?|house|company'?s?|studio'?s?)\s+(?:art\s+|visual\s+)?(?:look|style|aesthetic|voice|tone)\b|(?:sound|sounds|read|reads)\s(?:a\slot\s|much\s|way\s)?less\s(?:robotic|stiff|generic|corporate|bland)|break(?:s|ing)?\s(?:the\s)?character|out\sof\scharacter|sounds?\s(?:too\s|so\s|very\s)?generic(?![^.;!?\n]{0,20}\b(?:because|since|as)\b[^.;!?\n]{0,40}\b(?:know|knows|lacks?|missing|have)\b)|generic[\s-]sounding|(?:doesn'?t|doesnt|don'?t|dont|can'?t|cant|never|won'?t|wont)\s+(?:get|match|capture|nail|hit)\s+(?:(?:our|their)\s+(?:brand'?s\s+|house\s+|company'?s\s+)?|the\s+(?:brand'?s\s+|house\s+|company'?s\s+))(?:look|style|aesthetic|tone|voice|feel)|(?<!\b(?:fine|ok|okay|good|great|happy)\s(?:on|with)\s(?:the\s|its\s|our\s)?)tone(?:\s+of\s+voice)?(?!(?:'s|\s(?:is|was))\s(?:totally\s|perfectly\s|really\s|actually\s|already\s|pretty\s)?(?:fine|ok|okay|good|great))|in\s+(?:my|our)\s+(?:[\w'-]+\s+){0,2}?style|character\s+voice|brand(?:'s)?\s+(?:voice|style|tone)|(?:our|their|a\s+consistent|the\s+company's)\s+voice|house\s+style|(?:writing|drafting)\s+style|(?:wants?|needs?|has|have|keeps?)\s+(?:its|their|his|her)\s+own\s+(?:[\w-]+\s+)?(?:style|voice|tone)|style\s+guide|sounds?\s+like\s+(?:us|our)|on[\s-]brand|persona|(?:talks?|speaks?|writes?|sounds?)\s+like\s+(?:my|our|the|a|an|each)\s+(?:[\w&'-]+\s+){0,2}?(?:characters?|persona|mascot|brand|hero|narrator)|(?:character|characters|each\s+character)'?s?\s+(?:own\s+)?voices?|in\s+character|match(?:es|ing)?\s+(?:our|the|their)\s+(?:signature|house|brand|own|studio)\s+(?:look|style|aesthetic|vibe)|(?:nail|nails|nailing|capture|captures|capturing)\s+(?:our|the|their)\s+(?:signature|house|brand'?s?|studio)\s+(?:look|style|aesthetic|vibe|feel)|off[\s-]brand|(?:characters?|npcs?|voices?|personas?|agents?|bots?)\b[^.;!?\n]{0,30}?\bsound(?:s|ing)?\s+(?:all\s+)?(?:the\s+same|alike|identical|samey|(?:too\s+|very\s+|really\s+|so\s+)?similar)|(?:has\s+to|have\s+to|must|should|needs?\s+to|(?:texts?|messages?|replies|answers?|emails?|e-mails?|copy|descriptions?|reminders?|posts?|letters?|responses?|notes?|summaries|captions?|articles?|content|scripts?|dialogue|lines)\s+(?:that|which))\s+sounds?\s+(?:(?:more|less|a\s+bit|a\s+little|really|very|super|properly)\s+)?(?:warm|friendly|cheeky|playful|fun|human|casual|formal|professional|witty|empathetic|polite|confident|calm|natural|local|upbeat|authoritative|approachable)|(?:style|structure|style\s*\/\s*structure|format)\s+(?:like|the\s+way|as)\s+(?:our|the|their)\s+[\w-]+\s+(?:write|writes|wrote|do|does))\b/g,
  ],
  [
    'task-skill',
    /\b(?:task[\s-]skills?(?!\s+(?:is|are)\s+(?:fine|ok|okay|good|not\s+the\s+(?:issue|problem)))|(?:more|better|higher)\s+(?:accurate|accuracy|precision|recall|f1)|(?:it's|it\s+is|its|we're|we\s+are)\s+stuck\s+(?:at|around|near)\s+(?:~\s*)?\d{1,2}(?:\.\d+)?\s?%|\bwe\s+need\s+(?:at\s+least\s+)?\d{2}(?=\s?(?:%|\+)\s*(?:[.,;!]|$|(?:accuracy|f1|precision|recall|correct)\b))|accuracy\s+(?:is\s+(?:only|just|too|not|bad|poor|low|mediocre|terrible|awful|below|under|stuck)|isn't|is\s+not|stuck|plateau\w*|too\s+low|needs)|(?:mis|wrongly\s+)classif\w*|(?:stuck|plateaued|capped|topped\s+out)\s+(?:at|around|near)\s+(?:~\s*)?\d+(?:\.\d+)?\s?%\s*(?:accuracy|acc|f1|precision|recall)|gets?\s+(?:it|them|these|the\s+\w+)\s+wrong|gives?\s+(?:\w+\s+)?wrong\s+(?:answers|steps|results|outputs|labels)|better\s+at\b|domain\s+(?:jargon|terms|vocabulary|terminology)|accents?|bad\s+at\s+(?:the\s+)?(?:actual\s+)?(?:task|job)|learn\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:syntax|grammar|conventions|idioms|jargon|terminology)|accuracy\s+(?:matters|is\s+(?:key|critical|crucial|everything|the\s+priority|what\s+matters))|(?:keeps\s+)?mix(?:es|ing)?\s+up|confus(?:es|ing)\s+\w+\s+(?:and|with)|confus(?:es|ing)\s+(?:half|most|many|some|a\s+lot)\s+of\s+(?:them|the\s+\w+)|(?:it's|it\s+is|the\s+(?:problem|issue)\s+is)\s+(?:the\s+)?accuracy(?!\s+(?:is|was)\s+(?:fine|ok|okay|good|great)))\b/g,
  ],
  [
    'instruction-following',
    /\b(?:(?:just\s+)?keeps?\s+(?:on\s+)?(?:writing|generating|going|continuing|adding)\s+(?:more\s+)?(?:of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}?instead\s+of\s+(?:answer\w*|follow\w*|doing)\b|(?:doesn't|doesnt|does\s+not|don't|dont|won't|wont|can't|cant|never)\s+(?:really\s+)?follow\s+(?:the\s+|our\s+|any\s+)?instructions|ignor(?:es?|ing)\s+(?:the\s+|our\s+)?(?:system\s+)?(?:instructions|prompt)|ignor(?:es|ing)\s+(?:the\s+|our\s+)(?:[\w-]+\s+)?(?:rules|instructions)|ignor(?:es?|ing)\s+(?:half|most|some|many|all)\s+(?:of\s+)?(?:the\s+|our\s+)?(?:system[\s-]prompt\s+)?(?:rules|instructions)|follow\s+(?:our\s+|the\s+|my\s+|simple\s+)?(?:(?:multi[\s-]?step|complex|detailed|long|multi[\s-]?part)\s+)?instructions|instruction[\s-]following|(?:just\s+|and\s+)(?:continues|completes)\s+(?:the\s+)?text|(?:just\s+)?rambl(?:es|ing)\s+(?:on\s+)?instead\s+of\s+(?:answer\w*|follow\w*\s+(?:the\s+|our\s+|any\s+)?instructions)|rambl(?:es|ing)\s+(?:on\s+)?and\s+ignor(?:es|ing)\s+(?:what|whatever)\s+(?:we|you|i|they)\s+(?:ask|tell|say))\b/g,
  ],
  [
    'alignment',
    /\b(?:lean\w*|steer\w*|tilt\w*|nudg\w*)\s+(?:it\s+|the\s+model\s+)?towards?\s+(?:the\s+)?(?:what|answers?|outputs?|responses?|replies)\s+(?:that\s+)?(?:people|users|customers|raters|annotators|reviewers|our\s+\w+)\s+(?:liked|like|preferred|prefer|chose|picked|upvoted|rated\s+higher)\b|\b(?<!\b(?:which|that|what|whatever)\s+(?:our\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,3})(?:(?:fewer|less|no\s+more|stop(?:\s+the)?)\s+(?:unsafe|harmful|toxic)\s+(?:answers|outputs|responses|replies|content)|(?:says?|saying|promis\w*)\s+things\s+it\s+(?:shouldn't|should\s+not|mustn't|isn't\s+allowed\s+to)|refusal\s+behaviou?r|(?:over[\s-]?refus\w*|refuses?\s+too\s+(?:much|often))|(?:users?|people|customers|agents|reviewers|doctors|lawyers|experts|annotators|raters|clinicians|editors|staff)\s+(?:(?:actually|really|usually|would|tend\s+to)\s+)?(?:prefer|like|rate\s+(?:higher|better))|(?:kind|sort|type)\s+of\s+(?:answers?|responses?|replies|outputs?)\s+(?:that\s+)?(?:users?|people|customers|agents|reviewers|raters)\s+(?:liked|preferred|upvoted|rated\s+(?:higher|better|well))|preferred\s+(?:answers?|responses?)|closer\s+to\s+what\s+(?:our|the)\s+[\w-]+\s+prefer|(?:behave|answer|respond|write|sound)\s+(?:the\s+way|how)\s+(?:they|our\s+(?:raters|reviewers|annotators|users|agents|experts|editors))\s+(?:prefer|like)|align(?:ed|ment)?\s+(?:with|w\/|to)\s+(?:what\s+)?(?:our|human|users?|raters?|reviewers?|annotators?|editors?)(?![\w\s-]{0,30}?\b(?:standards?|curricul\w*|guidelines?|polic(?:y|ies)|brand|style|format|templates?|requirements?|regulations?|rules|schemas?|specs?|specifications?|codes?|taxonom\w*|syllabus)\b)|safer\s+(?:answers|responses)|jailbr(?:oken|eaks?|eaking)|(?:must|has\s+to|needs?\s+to|should)\s+(?:always\s+)?(?:refuse|decline)\s+(?:to\s+)?\w+|(?:need|needs|want|wants)\s+(?:the\s+bot|the\s+model|the\s+assistant|it)\s+to\s+(?:always\s+)?(?:refuse|decline)\s+\w+|(?:need|want)\s+it\s+to\s+decline\s+(?:that|those|such|this)|refuse\s+(?:the\s+same\s+\w+|what)\s+(?:our\s+)?(?:human\s+)?(?:moderators|reviewers|mods|agents|staff)\s+refuse|refus(?:e|es|als?)\s+(?:too\s+often|more)|(?:answers?|does|says)\s+(?:stuff|things|questions|requests)\s+(?:that\s+)?it\s+should(?:\s+have)?\s+(?:refused?|declined?)|prefer\s+(?:the\s+)?(?:answers?|responses?|outputs?|drafts?|replies)\s+(?:that\s+)?(?:our|the)\s+(?:[\w-]+\s+){0,2}?(?:reviewers|experts|editors|users|agents|annotators|raters|lawyers|doctors)\s+(?:pick|choose|prefer|select|like|approve))\b/g,
  ],
  [
    'cost',
    /\b(?:(?:purely|just|only|mainly|mostly|really|simply)\s+(?:a\s+)?(?:cost|price|money|budget)\s+(?:problem|issue|question|thing|play)|(?:it's|it\s+is)\s+(?:all\s+|only\s+|just\s+)?about\s+(?:the\s+)?(?:cost|bill|money)|too\s+(?:expensive|costly|pricey)|(?:run|serve|host)\s+(?:it\s+)?cheap(?:ly|er)|costs?\s+(?:way\s+|much\s+|a\s+lot\s+|far\s+)?less\s+to\s+(?:run|serve|host)|cheap(?:ly|er)?\s+to\s+(?:run|serve|host)|(?:cut|cutting|reduce|reducing|lower|lowering|slash|halve)\s+(?:the\s+|our\s+|that\s+|this\s+|my\s+)?(?:(?:serving|inference|hosting|token|gpu|running|per[\s-]call|per[\s-]request)\s+)?(?:costs?|bill|spend|api\s+(?:costs?|bill))|stop\s+paying\s+(?:per|for\s+every|by\s+the)\s+(?:token|call|request)|(?:the\s+)?(?:problem|issue)\s+(?:now\s+|really\s+|mainly\s+|just\s+)?is\s+(?:the\s+|just\s+)?(?:cost|price|bill)\b|(?:bill|costs?)\s+(?:is|are)\s+getting\s+(?:ugly|out\s+of\s+hand|crazy|insane|huge|scary)|(?:api|our|the|llm|model|gpu|cloud|openai|inference)\s+bills\s+(?:are|r|'re)\s+(?:killing|exploding|too\s+high|out\s+of\s+control)|\bbill\s+(?:for|on|from|with)\s+[\w.-]+(?:\s+[\w.-]+)?\s+(?:is|was)\s+(?:killing|exploding|too\s+high|out\s+of\s+control|insane|crazy|huge)|(?:costs?|bill|spend)\s+(?:is|are|r|'re)\s+(?:getting\s+)?(?:way\s+|far\s+|much\s+|really\s+|just\s+)?(?:too\s+high|killing|exploding|out\s+of\s+control|scary|painful|huge|(?:the|a|our)\s+(?:main\s+|real\s+|big\s+)?(?:problem|issue))|(?:the\s+)?(?:costs?|bill|price)\s+is\s+what\s+hurts|\b(?:finance|our\s+cfo|the\s+cfo|management|leadership|accounting|procurement)\s+(?:hates|hate|complains\s+about|is\s+(?:unhappy|not\s+happy)\s+(?:with|about))\s+(?:it|that|this|the\s+(?:bill|cost|spend|invoice))\b|(?:the|our|that)\s+(?:api\s+|monthly\s+|openai\s+)?(?:costs?|bill|price)\s+(?:really\s+)?(?:hurts|stings)|(?:killing|eating|burning\s+(?:through\s+)?)\s*(?:our\s+|my\s+|the\s+)?(?:runway|margins?|budget)|(?:get|bring|drive|push)\s+(?:that|it|this|the\s+(?:bill|costs?|spend)|costs?)\s+down|(?:it's|it\s+is|its|that's|problem\s+is|issue\s+is)\s+(?:just\s+|really\s+|only\s+|purely\s+|mainly\s+|mostly\s+|all\s+)?the\s+(?:cost|price|bill|api\s+bill)\b(?!\s+of\s+(?:training|the\s+gpus?|hardware))|cheaper|costs?\s+too\s+much|burning\s+(?:through\s+)?(?:money|cash)|\b(?:the\s+)?(?:costs?|bills?|price)\s+(?:at|for|of)\s+(?:this|that|our|the)\s+(?:[\w-]+\s+)?(?:is|are)\s+(?:way\s+|far\s+|much\s+|simply\s+)?too\s+(?:high|much|expensive)|paying\s+(?:way\s+|far\s+|much\s+)?too\s+much|(?:can't|cannot|can\s+not)\s+afford|unaffordable|getting\s+expensive|(?:cost|costs|the\s+bill|price)\s+(?:is|are)\s+(?:the\s+|our\s+)?(?:main|primary|only|real|key|biggest|number\s+one)\s+(?:goal|concern|driver|issue|problem|priority)|(?:wants?|need|needs)\s+(?:that|it|this|the\s+bill|costs?|(?:that|the|this|our)\s+(?:number|figure|(?:api\s+|monthly\s+|cloud\s+)?(?:bill|spend|costs?)))\s+(?:cut|halved|cut\s+in\s+half|down)|(?:wants?|needs?)\s+(?:the\s+|our\s+)?(?:api\s+|gpu\s+|cloud\s+|monthly\s+|inference\s+|token\s+)?(?:bill|costs?|spend)\s+(?:down|lower|reduced|cut)|(?<!\b(?:upfront|up-front|training|one-time|one-off|setup|set-up|initial)\s)(?:the\s+|our\s+)?(?:bill|costs?|spend)\s+(?:is|are)\s+(?:(?:really|pretty|quite|just|so|very)\s+)?(?:brutal|eye[\s-]watering|crazy|insane|huge|massive|ridiculous|painful|too\s+much|a\s+lot|ugly|nasty|steep|horrible|terrible|awful|scary)|(?:it's|it\s+is|its)\s+(?:way\s+too\s+|too\s+|really\s+|so\s+|pretty\s+)?pricey|(?:^\s*|\bbut\s+|\band\s+)(?:it's|it\s+is|its|that's|thats)\s+(?:(?:way|far|really|so|pretty|quite|very|too|just)\s+)*expensive)\b/g,
  ],
  [
    'latency',
    /\b(?:(?:users|people|customers|agents|callers)\s+(?:are\s+|keep\s+)?(?:bailing|leaving|giving\s+up|dropping\s+off|hanging\s+up|abandon\w*)\s+before\s+(?:it|the\s+[\w-]+)\s+(?:answers?|responds?|replies|loads?|finishes)|cheaper\s+and\s+faster|faster\s+and\s+cheaper|too\s+slow|(?:is|are|feels?|seems?)\s+(?:really\s+|way\s+|so\s+|pretty\s+)?slow\b|(?:it's|its)\s+(?:really\s+|way\s+|so\s+|pretty\s+|too\s+)?slow\b|latency\s+(?:is|was)\s+(?:too\s+|way\s+too\s+)?(?:high|bad|an\s+issue|a\s+problem)|latency\s+(?:is|was)\s+(?:killing|hurting)\s+(?:us|me|the\s+product|our\s+\w+)|(?:faster\s+(?:responses?|answers?|inference|replies|results)|(?:respond|answer|run|load)\w*\s+faster|(?:need|want|make|get)\s+(?:it|this|them)\s+(?:\w+\s+(?:and|&)\s+)?faster|lower\s+latency|reduce\s+(?:the\s+)?latency|cut\s+(?:the\s+)?latency)|latency\s+(?:matters|is\s+(?:critical|key|crucial|important))|\b(?:takes?|taking)\s+(?:~\s*|about\s+|around\s+)?\d+(?:\.\d+)?\s?(?:s|sec|secs|seconds|ms)\b[^.;!?\n]{0,40}?\b(?:we\s+)?need\s+(?:it\s+)?(?:under|below|sub[\s-]?|less\s+than)\s*\d+(?:\.\d+)?\s?(?:ms|milliseconds|s|sec|secs|seconds)|\d+(?:\.\d+)?\s?(?:s|sec|secs|seconds|ms)\b[^.;!?\n\d]{0,30}?\b(?:users?|customers?|people|folks)\s+(?:complain(?:ing)?|are\s+complaining|hate\s+it|get\s+annoyed)(?:\s+about\s+(?:the\s+)?(?:wait(?:ing)?|speed|latency|slowness|delays?|lag))?(?!\s+(?:that|about|of))|(?:p9\d|p50|latency|response\s+times?)\s+(?:has\s+to|have\s+to|must|needs?\s+to)\s+(?:get|go|come|drop)\s+(?:down\s+)?(?:under|below)|(?<!\b(?:setup|training|rollout|project|delivery|onboarding|integration|deployment|migration|launch|process|turnaround)\s)(?:has\s+to|have\s+to|must|needs?\s+to|got\s+to|gotta)\s+be\s+(?:really\s+|very\s+|super\s+|blazing(?:ly)?\s+|lightning\s+)?(?:fast|quick|snappy|instant|real[\s-]?time))\b/g,
  ],
  [
    'on-device',
    /\b(?:on[\s-]device|on\s+(?:the\s+|our\s+|their\s+|users'\s+|customers'\s+)?(?:(?:android|ios|mobile|low[\s-]end|cheap|older|edge|customer|user)\s+)?(?:phones?|devices?|laptops?|handsets?|tablets?|edge\s+devices?|the\s+edge|jetson)|offline\s+on(?!\s+(?:our|a|the|one|an|my)\s+(?:own\s+)?(?:workstations?|servers?|cluster|gpus?|machines?|box|boxes|desktops?|rigs?|pcs?)\b)|runs?\s+locally\s+on(?!\s+(?:our\s+|the\s+)?(?:own\s+)?(?:servers?|data\s?cent(?:er|re)s?|premises|on[\s-]?prem\w*|cluster|server\s+room|gpus?|workstations?)\b)|(?<!\b(?:chatgpt|claude|gemini|copilot|openai|chat\s?bot|website|the\s+web\s+app)\b[^.;!?\n]{0,20})in\s+the\s+browser|webgpu|inside\s+(?:the|our)\s+(?:app|(?:mobile|phone|ios|android)\s+app)|(?:has\s+to|have\s+to|must|needs?\s+to|should)\s+(?:work|run|function)\s+offline|(?:has\s+to|must|needs?\s+to|should)\s+run\s+(?:on|in|aboard)\s+the\s+(?:[\w-]+\s+)?(?:phone|handset|tablet|device|ship|vessel|truck|vehicle|robot|drone|camera|laptop)\s+itself)\b/g,
  ],
];

/** "would serving be …", "is it …", "will that be …" right before a comparative. */
const ASKED_COMPARISON_BEFORE =
  /\b(?:would|will|could|is|are|isn't|wouldn't|won't)\s+(?:[\w'-]+\s+){0,3}?(?:be\s+)?(?:any\s+|much\s+|a\s+lot\s+)?$/;
const DISMISSED_BEFORE =
  /\b(?:(?:don't|dont|do\s+not|doesn't|does\s+not|not)\s+(?:really\s+)?(?:care|worry|fuss)\s+(?:much\s+)?(?:about|for)\s+(?:the\s+|our\s+|any\s+)?|no\s+need\s+(?:for|to)\s+(?:\w+\s+){0,2}|(?:drop|remove|forget|scrap|delete|take\s+out|strike)\s+(?:the\s+)?['"]?)$/;
const NOT_NEEDED_AFTER =
  /^\s*(?:are|is)?\s*(?:n't|not|aren't|isn't)\s+(?:needed|required|necessary|important|a\s+(?:concern|priority|problem)|critical)|^\s*(?:doesn't|does\s+not|don't|do\s+not)\s+matter|^[^.;!?]{0,30}?\b(?:not\s+(?:required|needed|necessary|a\s+must)|optional|nice[\s-]to[\s-]have)\b/;

/** "Goals: cost, style", "the goal is COST and style": the goals listed in the team's own words. */
const GOALS_LISTED =
  /\b(?:(?:our|my|the)\s+)?goals?\s*(?:are|is|:|=)\s*((?:[^.;!?\n](?!\b(?:not|without|while|except)\b)){1,60})/g;

/**
 * "drop 'citations' from my goals", "remove latency AND freshness from the goals", "cost isn't a goal", "'up-to-date
 * answers' isn't a goal": goals the team takes back (one, a list, or quoted in the team's own words).
 */
export const REMOVED_GOAL =
  /\b(?:drop|remove|forget|scrap|delete|take\s+out|strike)\s+(?:the\s+)?['"]?([a-z-]+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*\+\s*|\s+)[a-z-]+){0,4})['"]?\s+(?:from|off)\s+(?:my|our|the)\s+goals?\b|\b([a-z-]+(?:\s+[a-z-]+)?)\s+(?:is\s+not|isn't|isnt|is\s+no|are\s+not|aren't|arent)\s+(?:a|one\s+of\s+(?:my|our|the)|(?:my|our)|really\s+a)?\s*goals?\b|\b(?:drop|remove|forget|scrap|delete|take\s+out|strike)\s+['"]([^'"\n]{3,60})['"]|['"]([^'"\n]{3,40})['"]\s+(?:is\s+not|isn't|isnt|is\s+no|are\s+not|aren't|arent)\s+(?:a|one\s+of\s+(?:my|our|the)|(?:my|our)|really\s+a)?\s*goals?\b/g;

/** The goals named in `text` with the goals question's own words. */
export function goalsNamedIn(text: string): Goal[] {
  return GOAL_WORDS.filter(([, pattern]) => allMatches(pattern, text).length > 0).map(([goal]) => goal);
}

/** "…that isn't in the note", "not in the source": facts the output adds to what it was given. */
const NOT_IN_THE_INPUT =
  /\b(?:(?:that|which)\s+(?:isn't|aren't|is\s+not|are\s+not|wasn't|weren't|never\s+appears?)|not)\s+(?:even\s+)?(?:in|from)\s+(?:the|its|their)\s+(?:notes?|input|transcripts?|text|emails?|calls?|tickets?|records?|reports?|originals?|contracts?|conversations?|chats?)\b/;

/** "could get more but", "labelling them by hand": the work of making data, which can be slow without any latency goal. */
const SLOW_DATA_WORK_BEFORE =
  /\b(?:(?:get|getting|collect\w*|gather\w*|write|writing|make|making|produce|producing)\s+(?:\w+\s+){0,2}?(?:more\s+)?(?:examples|data|labels|summaries|pairs|annotations)|(?:get|getting|collect\w*|gather\w*|write|writing|make|making)\s+more(?=\s*(?:,|but\b|though\b|$))|labell?ing\s+(?:them|those|these|it|data|examples|more|is|takes)|annotating|hand[\s-]?(?:writ\w*|label\w*|made)|by\s+hand|review\w*\s+(?:them|each|every))\b[^.;!?\n]{0,25}$/;

/** A verb that works on each document it is given (extract from, classify, summarise, translate, redact, review). */
const INPUT_VERB_BEFORE =
  /\b(?:extract\w*|pull\w*(?:\s+out)?|classif\w*|tag\w*|summari[sz]\w*|translat\w*|redact\w*|review\w*|pars\w*|label\w*|flag\w*|detect\w*|spot\w*)\b(?:(?!\b(?:must|should|but|while|then|and\s+(?:the|we|it|they|our|its|also|then|needs?|looks?)|answer\w*|respond\w*|questions?|chat\w*|ask\w*|looks?\s+up|needs?|bot)\b)[^.;!?\n]){0,60}$/;

export const extractGoals: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(GOALS_LISTED, lower)) {
    // The list ends where a new clause starts ("…cutting cost per call, quality is already fine").
    const list = (match[1] ?? '').split(/,\s*(?:[a-z-]+\s+){0,2}(?:is|are|was|were)\b/)[0] ?? '';
    const listed = goalsNamedIn(list);
    if (listed.length > 0) findings.push(findingFromMatch('goals', listed, match));
  }
  for (const [goal, pattern] of GOAL_PATTERNS) {
    for (const match of allMatches(pattern, lower)) {
      // "answer from them without making stuff up": avoiding made-up answers is the knowledge goal itself.
      const avoidsInventing =
        goal === 'knowledge' &&
        /\b(?:mak|hallucinat|invent)/.test(match[0]) &&
        /\b(?:without|must\s+not|mustn't|should\s+not|shouldn't|can't|cannot|never|no\s+more|stop)\b[^,;]*$/.test(
          lower.slice(Math.max(0, match.index - 25), match.index),
        );
      if (isNegatedBefore(lower, match.index, 12) && !avoidsInventing) continue;
      // "it hallucinates facts that aren't in the transcript": unfaithful to the input it was given, a behaviour trained
      // out on grounded examples, not knowledge to retrieve.
      if (
        goal === 'knowledge' &&
        /\b(?:hallucinat|invent|mak)/.test(match[0]) &&
        NOT_IN_THE_INPUT.test(lower.slice(match.index, match.index + match[0].length + 80))
      )
        continue;
      // "we extract clauses from contracts", "summarise reports from our docs": the documents are the input each
      // request reads, not knowledge the answers draw on.
      if (
        goal === 'knowledge' &&
        /^(?:from|in|on)\b/.test(match[0]) &&
        INPUT_VERB_BEFORE.test(lower.slice(Math.max(0, match.index - 60), match.index))
      )
        continue;
      // "would serving be cheaper for us?", "is it faster on vLLM?": a comparison asked about, not a goal stated.
      if (
        /^(?:cheaper|faster)$/.test(match[0]) &&
        ASKED_COMPARISON_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index)) &&
        /^[^.!\n]*\?/.test(lower.slice(match.index))
      )
        continue;
      // "we don't care about the output format", "no need to run on device": waved away before it is named.
      if (DISMISSED_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
      // "could get more but its slow", "labelling is slow": slow work on the data, not a slow model.
      if (
        goal === 'latency' &&
        /slow/.test(match[0]) &&
        SLOW_DATA_WORK_BEFORE.test(lower.slice(Math.max(0, match.index - 60), match.index))
      )
        continue;
      // ("Caseworkers are on the phone with claimants": a telephone call, no device.)
      if (
        goal === 'on-device' &&
        PHONE_CALL.test(lower.slice(Math.max(0, match.index - 30), match.index + match[0].length + 20))
      )
        continue;
      // "citations aren't needed", "format doesn't matter": stated only to be waved away.
      const after = lower.slice(match.index + match[0].length, match.index + match[0].length + 45);
      if (NOT_NEEDED_AFTER.test(after)) continue;
      findings.push(findingFromMatch('goals', [goal], match));
    }
  }
  return findings;
};

/**
 * The words of a reply to the goals question ("What must get better: missing or changing knowledge, citations,
 * output format or style, …?"), which names goals with the question's own words: "format and cost", "mostly
 * latency", "it has to know our docs".
 */
const GOAL_WORDS: readonly (readonly [Goal, RegExp])[] = [
  [
    'knowledge',
    /\b(?:knowledge|docs|documents?|documentation|facts|information|wiki|know(?:s|ing)?\s+(?:our|about))\b/g,
  ],
  // ("what changes?" asks what the advice becomes: no goal.)
  ['freshness', /\b(?:fresh\w*|up[\s-]to[\s-]date|(?<!\bwhat\s+)chang(?:ing|es)|current|latest|stale)\b/g],
  ['citations', /\b(?:citations?|cite|cites|sources?|references?)\b/g],
  ['format', /\b(?:format\w*|json|structure[ds]?|schema|template)\b/g],
  ['style', /\b(?:style|tone|voice|brand)\b/g],
  ['task-skill', /\b(?:accura\w*|task\s+skill|skill|quality|mistakes|errors|wrong\s+answers)\b/g],
  // (Not "instruction-to-code pairs", "instruction data": a kind of training data, not a goal.)
  [
    'instruction-following',
    /\b(?:instructions?(?![\s/-]+(?:to|response|answer|output|code|completion)\b|[\s-]+(?:pairs?|examples?|data(?:sets?)?|tun\w*|sets?)\b)|follow(?:s|ing)?(?!\s+(?:the\s+)?(?:pairs?|examples?))\b(?<!\bthe\s+following))\b/g,
  ],
  ['alignment', /\b(?:alignment|align\w*|preferences?|prefer\w*)\b/g],
  ['cost', /\b(?:costs?|cheaper|price|expensive|money|bill|spend)\b/g],
  ['latency', /\b(?:latency|faster|speed|slow|quick\w*|response\s+time)\b/g],
  ['on-device', /\b(?:on[\s-]device|devices?|phones?|offline|edge|laptops?)\b/g],
];

/** Reads a reply to the goals question: every goal it names, unless denied ("not cost"). */
export const goalsAnswer: AnswerReader = ({ message, start, end }) => {
  const { lower } = message;
  const goals = GOAL_WORDS.filter(([, pattern]) =>
    allMatches(pattern, lower).some((match) => !isNegatedBefore(lower, match.index, 12)),
  ).map(([goal]) => goal);
  return goals.length > 0 ? finding('goals', goals, start, end) : undefined;
};

/**
 * Goals another field already states: answers that must cite their sources need citations; a model that runs on an
 * edge box or a phone must run on the device; a chat or search over the team's own documents needs their knowledge.
 */
export function impliedGoals(fields: Partial<Profile>): Implied<Goal[]> | undefined {
  const goals: Goal[] = [];
  const from: ProfileField[] = [];
  if (fields.needsCitations === true) {
    goals.push('citations');
    from.push('needsCitations');
  }
  // Documents that change weekly or daily: keeping answers current is a gap of its own.
  if (fields.knowledgeChanges === 'weekly' || fields.knowledgeChanges === 'daily') {
    goals.push('freshness');
    from.push('knowledgeChanges');
  }
  if (fields.deployment === 'edge' || fields.deployment === 'mobile') {
    goals.push('on-device');
    from.push('deployment');
  }
  const ownDocuments =
    fields.unlabeledCorpus === 'small' || fields.unlabeledCorpus === 'large' || (fields.corpusTokens ?? 0) > 0;
  if ((fields.taskType === 'chat' || fields.taskType === 'search') && ownDocuments) {
    goals.push('knowledge');
    from.push('taskType');
  }
  return goals.length > 0 ? { value: goals, from } : undefined;
}

/** A style or format goal says the output's style or format matters ("the tone is too stiff" → needsStyleOrFormat). */
export function impliedStyleOrFormat(fields: Partial<Profile>): Implied<boolean> | undefined {
  const goals = fields.goals ?? [];
  return goals.includes('style') || goals.includes('format') ? { value: true, from: ['goals'] } : undefined;
}

/** A citations goal says answers must cite their sources. */
export function impliedCitations(fields: Partial<Profile>): Implied<boolean> | undefined {
  return (fields.goals ?? []).includes('citations') ? { value: true, from: ['goals'] } : undefined;
}
