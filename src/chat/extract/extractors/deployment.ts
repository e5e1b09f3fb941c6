/**
 * @module Where the model runs: "runs on phones" → mobile; "edge devices", "Jetson" → edge; "we self-host on our
 * own servers" → on-prem; "on AWS with our own GPUs" → cloud-self-hosted; "call an API" → cloud-api.
 */

import type { DEPLOYMENTS } from '../../../profile/profile-schema.ts';
import { allMatches, findingFromMatch, isNegatedBefore, sentenceAround } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

type Deployment = (typeof DEPLOYMENTS)[number];

const PHONE = String.raw`(?:(?:the\s+)?(?:customer|user|client|patient|driver|rider|employee)'?s'?\s+)?(?:(?:rugged\s+)?android\s+handhelds?|phones?|smartphones?|mobile(?:\s+(?:phones?|devices?))?|iphones?|android(?:\s+(?:phones?|devices?))?|ios(?:\s+devices?)?|tablets?|ipads?)`;
const PATTERNS: readonly (readonly [RegExp, Deployment])[] = [
  [
    new RegExp(
      [
        String.raw`\b(?:run|runs|running|deploy(?:ed|ing)?|ship(?:ped|ping|s)?|live|work)\s+(?:locally\s+|offline\s+|fully\s+|entirely\s+|directly\s+)?on\s+(?:the\s+|their\s+|users'?\s+|user\s+|our\s+users'?\s+|customers'?\s+)?(?:(?:rugged|cheap|older|low[\s-]end|mid[\s-]range|company|field|work)\s+)?${PHONE}`,
        // "it's a phone app, android only".
        String.raw`\b(?:a|an|our)\s+(?:android\s+|ios\s+)?phone\s+app\b`,
        String.raw`\bon[\s-]device\s+(?:on\s+)?(?:the\s+)?${PHONE}`,
        String.raw`\b(?:in|inside)\s+(?:a|an|our|the)\s+(?:native\s+)?(?:mobile|ios|android)\s+app\b(?=[^.;!?\n]{0,30}\b(?:offline|on[\s-]device|locally)\b)`,
        String.raw`\b(?:on[\s-]device|offline)\s+(?:on\s+)?mobile\b`,
        // "student should be Llama 3.2 3B for the tablets in the hangar": the model meant for the tablets.
        String.raw`\b(?:student|model)\s+(?:should|must|will|would|has\s+to)\s+be\s+(?!(?:way\s+|far\s+|much\s+)?too\b)(?:[^.;!?\n]|\.(?=\d)){0,40}?\bfor\s+(?:the|our|their)\s+(?:[\w-]+\s+)?(?:tablets|handhelds|phones|smartphones)\b`,
        String.raw`\bon\s+(?:an?\s+|our\s+|users'\s+)?(?:iphones?|android\s+phones?|pixel\s+phones?|smartphones?|phones?)\b`,
        String.raw`\bon\s+iphones?\b`,
        // "we're on phones mostly", "target device is a pixel 8", "phones, about 6 gigs" (a short answer).
        String.raw`\b(?:we(?:'re|\s+are)|it(?:'s|\s+is)|app\s+is)\s+on\s+(?:${PHONE})`,
        String.raw`\btarget(?:\s+(?:device|hardware|platform))?\s+(?:is|are|:)\s+(?:an?\s+|the\s+)?(?:pixel|galaxy|iphone)\s*\d+`,
        String.raw`^\W*(?:phones?|smartphones?|iphones?|android\s+phones?|mobile(?:\s+phones?)?)\b(?=\s*(?:[,.;:-]|$|\s+(?:mostly|only|mainly)))`,
        String.raw`\b(?:run|runs|running|deploy(?:ed|ing)?)\s+(?:[\w.-]+\s+){0,4}?on\s+(?:android|ios)\s+(?:phones?|devices?|tablets?)\b`,
        String.raw`\btarget(?:\s+(?:device|hardware|platform))?\s+(?:is|are|:)\s+(?:an?\s+|the\s+)?${PHONE}`,
        String.raw`\b(?:put|ship|embed|bundle|run)\s+it\s+(?:in|into|on|inside)\s+(?:our\s+|the\s+)?(?:android|ios|mobile|iphone)\s+app\b`,
        // "8GB of RAM on the phone", "a small model on the field techs' android tablets".
        String.raw`\b\d+(?:\.\d+)?\s?(?:gb|gigs?)\s+(?:of\s+)?(?:ram|memory)\s+on\s+(?:the\s+|our\s+|a\s+|their\s+)?${PHONE}`,
        String.raw`\bmodel\s+on\s+(?:the\s+|our\s+|their\s+)(?:[\w'-]+\s+){0,3}?(?:android\s+|ios\s+)?(?:phones?|smartphones?|tablets?|ipads?)\b`,
        // "a note-taking app, iOS and Android … nothing leaves the device".
        String.raw`\b(?:ios\s+(?:and|&|\/)\s+android|android\s+(?:and|&|\/)\s+ios)\b(?=[^\n]{0,200}\b(?:on[\s-]device|offline|locally|leaves\s+the\s+(?:device|phone)))`,
        // "ship a small assistant inside our android app … 2GB of RAM", "iphone app. ios gives us maybe 3 gb".
        String.raw`\b(?:android|ios|iphone|mobile|phone)\s+app\b(?=[^\n]{0,120}\b(?:\d+(?:\.\d+)?\s?(?:gb|gigs?)\b|ram\b|offline|on[\s-]device|locally))`,
        // "it has to run inside the phone app".
        String.raw`\b(?:run|runs|running|live|lives|work|works)\s+(?:inside|in|within)\s+(?:the|our)\s+(?:phone|mobile|ios|android)\s+app\b`,
        // "runs on pixel 8s (8GB)", "flagship androids with 12gb ram", "6 GB devices … on the phone".
        String.raw`\b(?:runs?|running|on)\s+(?:the\s+|our\s+)?(?:pixel\s*\d+\w*|galaxy\s+s\d+\w*|iphone\s*\d+\w*)\b`,
        String.raw`\b(?:flagship|mid[\s-]range|low[\s-]end|budget|older)\s+(?:androids|android\s+phones|phones|iphones)\b`,
        String.raw`(?<!\b(?:call|calls|called|calling|talk|talking|speak|speaking|us|them|me|guys|people|someone|somebody|staff|agents|operators|person|answered|answering|went|go|goes|spend|spends|hours)\s)\bon\s+the\s+(?:phone|handset|tablet)\b(?!\s+(?:with|to|all\s+day|lines?)\b)`,
        // "drivers carry a rugged android handheld with 6GB of RAM and the assistant has to run right on it".
        String.raw`\b(?:carry|carries|use|uses|have|has|get|gets)\s+(?:an?\s+|their\s+|our\s+)?(?:rugged\s+)?(?:android|ios)\s+(?:handhelds?|phones?|tablets?|devices?)\b(?=[^\n]{0,120}\b(?:run\w*\s+(?:right\s+|directly\s+)?on\s+(?:it|them|the\s+device)|offline|on[\s-]device|locally))`,
        // "the tablets have 6 gigs", "our android tablets".
        String.raw`\b(?:the|our|android|field)\s+tablets?\s+(?:have|has|with|run)\b`,
        // "the model will sit on the ipads the field engineers carry", "the phone build".
        String.raw`\b(?:model|it)\s+(?:will\s+|would\s+|should\s+|must\s+|has\s+to\s+)?(?:sit|sits|live|lives|be|run|runs)\s+on\s+(?:the\s+|our\s+|their\s+)(?:[\w'-]+\s+){0,2}?(?:phones?|smartphones?|tablets?|ipads?|iphones?)\b`,
        String.raw`\b(?:the|our)\s+(?:phone|mobile|android|ios)\s+build\b`,
        // "it's for our field techs' phones": the devices the model is for.
        String.raw`\b(?:it's|it\s+is|this\s+is|it'll\s+be|it\s+will\s+be)\s+(?:for|on)\s+(?:our|the|their)\s+(?:[\w'-]+\s+){0,3}?(?:phones|smartphones?|tablets|ipads|handhelds)(?=\s*(?:[,.;:!?]|$|\s+(?:and|so|to|with|that|which|in\s+the\s+field)\b))`,
      ].join('|'),
      'g',
    ),
    'mobile',
  ],
  [
    new RegExp(
      [
        String.raw`\bedge\s+(?:devices?|hardware|box(?:es)?|nodes?|deployment|gateways?|computers?|servers?)\b`,
        String.raw`\b(?:on|at|to)\s+the\s+edge\b`,
        String.raw`\boffline\s+laptops?\b|\blaptops?\s+(?:that\s+(?:are|run)\s+)?(?:offline|without\s+(?:internet|network))\b`,
        // "so the model lives on the laptop", "the model sits on each engineer's laptop".
        String.raw`\b(?:model|it|llm)\s(?:lives|sits|stays|runs)\s(?:locally\s)?on\s(?:the|each|every|their|our)\s(?:[a-z]+'s\s)?(?:laptops?|notebooks?|macbooks?)\b`,
        // "it runs inside a desktop app on our field engineers' laptops", "a desktop app on the clinic's PCs".
        String.raw`\b(?:desktop|native|local)\s+app(?:lication)?\s+on\s+(?:the\s+|our\s+|their\s+)?(?:[a-z]+\s+){0,2}?(?:[a-z]+'s?\s+|[a-z]+s'\s+)?(?:laptops?|pcs?|desktops?|workstations?|macbooks?|notebooks?)\b`,
        // "the field engineers' laptops have 16GB … it has to work offline out on site".
        // ("our field engineers use ThinkPads … it has to work without internet on site".)
        String.raw`\b(?:laptops?|thinkpads?|elitebooks?|toughbooks?)\b(?=[^\n]{0,100}\b(?:work|run|function)s?\s+(?:offline\b|without\s+(?:the\s+)?(?:internet|network|connectivity|a\s+connection)\b))`,
        // "we want it on laptop of field workers, there is no internet there", "deploy it on the laptops of the crews".
        String.raw`\b(?:want|need|deploy|put|run|install)\s+(?:it|the\s+model|this)\s+on\s+(?:the\s+|our\s+)?laptops?\s+(?:of|for)\b|\blaptops?\b(?=[^.\n]{0,80}\b(?:there\s+is|there's|theres)\s+no\s+(?:internet|network|connectivity|connection|wifi|signal)\b)|\blaptops?\s+(?:with|that\s+have|have|has)\s+no\s+(?:internet|network|connectivity|connection|wifi)\b`,
        String.raw`\b(?:jetsons?(?:\s+(?:orin|nano|xavier|agx))?|raspberry\s+pi|coral\s+tpu|microcontrollers?|embedded\s+(?:devices?|hardware|boards?|systems?))\b`,
        String.raw`\biot\s+devices?\b`,
        String.raw`\b(?:on[\s-]device|on\s+the\s+device)\b(?!\s+(?:on\s+)?(?:the\s+)?(?:phones?|smartphones?|mobile|iphones?|android))`,
        String.raw`\b(?:in|on)\s+(?:the\s+)?(?:car|vehicle|robot|drone|camera)s?\b(?=[^.;!?\n]{0,20}\b(?:locally|offline|on[\s-]board)\b)`,
        String.raw`\bonto\s+(?:the\s+)?devices?\b`,
        String.raw`\b(?:infotainment|head\s+units?)\b`,
        String.raw`\bruns?\s+on\s+(?:[a-z]+\s+){0,2}?(?:laptops|macbooks|notebooks)\b`,
        String.raw`\b(?:intel\s+)?nucs?\b`,
        String.raw`\b(?:arm|embedded)\s+(?:boards?|socs?|devices?)\b|\bsmart[\s-]home\s+hubs?\b|\bhub\s+has\s+\d+(?:\.\d+)?\s?(?:gb|mb)\b`,
        // (Using ChatGPT "in the browser" is a vendor's web app, not a model running in the browser.)
        String.raw`(?<!\b(?:chatgpt|claude|gemini|copilot|openai|chat\s?bot|website|the\s+web\s+app)\b[^.;!?\n]{0,20})\b(?:in|inside)\s+the\s+(?:user's\s+|users'\s+)?browser\b|\bwebgpu\b`,
        String.raw`\b(?:run|runs|running|deploy(?:ed|ing)?|work|use\s+it)\s+(?:it\s+)?(?:locally\s+|offline\s+|fully\s+)?on\s+(?:the\s+|our\s+|my\s+|their\s+|users'\s+|employees'\s+|staff\s+)?(?:[a-z]+'s\s+|[a-z]+s'\s+)?(?:field\s+|work\s+|company\s+|staff\s+)?(?:\d+\s?gb\s+(?:ram\s+)?)?(?:laptops?|macbooks?|chromebooks?|notebooks?|desktops?|pcs|workstations)\b`,
        // "it has to run on the engineer's workstation offline": one user's machine is an edge device.
        String.raw`\b(?:run|runs|running|work|works)\s+(?:it\s+)?(?:locally\s+|offline\s+)?on\s+(?:the\s+|each\s+|every\s+)?[a-z]+'s\s+workstation\b`,
        // (Not "we develop on macbooks": where the team works, not where the model runs.)
        // ("we're all on macbooks", said of the team's own machines, is no deployment either.)
        String.raw`(?<!\b(?:develop|developing|dev|train|training|fine[\s-]?tune|fine[\s-]?tuning|tune|tuning|prototype|prototyping|code|coding|experiment|experimenting|build|building)\s+)(?<!\b(?:we're|we\s+are|i'm|i\s+am|everyone's|everyone\s+is)\s+(?:all\s+)?)\bon\s+(?:our\s+|their\s+|the\s+)?(?:chromebooks?|macbooks?)\b`,
        // "run on our field engineers' laptops", "target is macbook airs".
        String.raw`\brun\w*\s+(?:locally\s+)?on\s+(?:our|the|their)\s+(?:[a-z-]+\s+){0,2}?[a-z]+(?:'s|s')\s+(?:laptops?|macbooks?|pcs|desktops?|machines|computers)\b`,
        String.raw`\btarget(?:\s+(?:device|hardware|platform))?\s+(?:is|are|:)\s+(?:an?\s+|the\s+|(?:our|their)\s+(?:[a-z-]+\s+){0,2}?(?:[a-z]+(?:'s|s')\s+)?)?(?:macbooks?|laptops?|chromebooks?)\b`,
        String.raw`\bon\s+(?:the\s+|each\s+|every\s+)?(?:customers?|users?|employees?|players?|clients?|gamers?)(?:'s|s'|')?\s+(?:own\s+)?(?:gaming\s+|home\s+|work\s+)?(?:laptops?|pcs?|desktops?|machines?|computers?|consoles?|devices?|hardware)\b`,
        String.raw`(?<!\b(?:chatgpt|claude|gemini|copilot|openai|chat\s?bot|website|the\s+web\s+app)\b[^.;!?\n]{0,20})\b(?:in|inside)\s+a\s+(?:web\s+)?browser\b`,
        String.raw`\b(?:smart\s+(?:speakers?|displays?|glasses|cameras?|watch(?:es)?)|wearables?|smartwatch(?:es)?|set[\s-]top\s+box(?:es)?)\b`,
        String.raw`\btarget(?:\s+(?:device|hardware|platform))?\s+(?:is|are|:)\s+(?:an?\s+|the\s+)?(?:laptops?|jetson|raspberry\s+pi|edge\s+devices?|embedded\s+\w+)\b`,
        // "customers install it on their own laptops", "student is phi-3 mini running on windows laptops".
        String.raw`\b(?:install\w*|ship\w*|deploy\w*|put)\s+(?:it\s+|[\w.-]+\s+){0,4}?on\s+(?:their|our|the|users'?|customers'?)\s+(?:own\s+)?(?:[a-z]+(?:'s|s')\s+|[a-z]+\s+team's\s+)?(?:laptops?|pcs|desktops?|machines|computers)\b`,
        String.raw`\b(?:running|runs?|on)\s+(?:windows|mac|linux|corporate|company|employee)\s+(?:laptops?|pcs|desktops?|notebooks?)\b`,
        // "distill into Llama 3.2 3B for the check-in kiosks": the model meant for the kiosks.
        String.raw`\b(?:distil\w*|student|model)\b(?:[^.;!?\n]|\.(?=\d)){0,50}?\bfor\s+(?:the|our|their)\s+(?:[\w-]+\s+){0,2}?kiosks\b`,
        // "it has to run on the ship itself, on a rugged mini pc": the machine where the work happens, no server.
        String.raw`\b(?:has\s+to|must|needs?\s+to|should|will)\s+run\s+(?:fully\s+|entirely\s+|locally\s+)?(?:on|in|aboard)\s+(?:the|each|every|a)\s+(?:[\w-]+\s+)?(?:ship|vessel|truck|vehicle|train|bus|robot|drone|camera|kiosk|mini\s?pc|machine|tractor|combine)\s+itself\b|\bon\s+a\s+(?:rugged|small|fanless|industrial)\s+(?:mini\s?pc|pc|box|computer)\b`,
        // "yeah laptops. 32 gig machines …" (a short answer naming the device).
        String.raw`^\W*(?:(?:yeah|yes|yep|ok|okay|mostly|mainly)[\s,]+)?(?:laptops?|macbooks?)\b(?=\s*(?:[,.;:-]|$|\s+(?:mostly|only|mainly)))(?!\s*[,.;:-]?\s*(?:no|not|nope|never)\b)`,
      ].join('|'),
      'g',
    ),
    'edge',
  ],
  [
    new RegExp(
      [
        String.raw`\bself[\s-]?host(?:ed|ing)?\s+(?:it\s+|everything\s+|the\s+model\s+)?(?:on|in)\s+(?:our\s+own|our|in[\s-]house)\s+(?:servers?|hardware|machines?|data\s?cent(?:er|re)s?|racks?|infrastructure|cluster)\b`,
        String.raw`\b(?:on|in|from)\s+our\s+own\s+(?:(?:government|company|corporate|private|physical|university|hospital|gpu)\s+)?(?:servers?|hardware|machines?|data\s?cent(?:er|re)s?|racks?|infrastructure|cluster|metal|nodes?)\b`,
        // "it all has to run on the server in our back room".
        String.raw`\b(?:it|it\s+all|everything|the\s+(?:model|assistant|bot|ai))\s+(?:(?:has|have|needs?)\s+to\s+|must\s+|will\s+|would\s+|should\s+)?(?:run|runs|running|live|lives|sit|sits|be\s+hosted|is\s+hosted)\s+on\s+(?:the|our|a|one)\s+(?:own\s+)?(?:servers?|box|machines?|pcs?|computers?)\s+(?:in|at)\s+(?:our|the)\s+(?:back\s+room|office|basement|building|clinic|shop|store|premises|server\s+room|practice|warehouse|plant)\b`,
        String.raw`\b(?:cards?|gpus?|servers?|machines?|hardware|boxes|cluster|[ahlbt]\d{1,3}[a-z]?s|l40s|rtx\s?\d{4}s?|\d+\s?gb)\s+(?:on[\s-]?prem(?:ise|ises)?|in[\s-]house)\b`,
        String.raw`\b(?:run|runs|running|serve|serving|host|hosting|deployed)\s+(?:[\w.()-]+\s+){1,6}?on[\s-]?prem(?:ise|ises)?\b`,
        // "we use gemma 2 9b it on-prem on 4x L4": the model the team uses, on its own premises.
        String.raw`\bwe\s+(?:use|are\s+using|currently\s+use)\s+(?:(?!(?:but|and|want\w*|plan\w*|move|moving|switch\w*|going|would|could|should|will|to|not|no|nothing|instead|until|than|rather|except)\b)[\w.()-]+\s+){1,6}?on[\s-]?prem(?:ise|ises)?\b(?!\s+(?:later|soon|eventually|next))`,
        String.raw`\bin\s+our\s+own\s+dcs?\b`,
        // "we're on-prem but it's a colo", "two machines each with 8x H100, on prem".
        String.raw`\bwe(?:'re|\s+are)\s+(?:all\s+|fully\s+|entirely\s+)?on[\s-]?prem(?:ise|ises)?\b`,
        String.raw`\bcolo(?:cated|cation)?\b(?=[^.;!?\n]{0,60}\b(?:our|own)\s+(?:hardware|servers?|machines?|gpus?|racks?)\b)`,
        String.raw`[,(]\s*on[\s-]?prem(?:ise|ises)?\s*\)?(?=\s*(?:[.;!?,]|$))`,
        String.raw`\bair[\s-]?gapped\b`,
        // "servers are on campus", "the GPUs sit on site".
        String.raw`\b(?:servers?|gpus?|hardware|cluster|machines?)\s+(?:are|is|sit|sits|live|lives)\s+on\s+(?:campus|site|premises|prem)\b`,
        // "it runs inside the hospital network", "on the plant's internal network".
        String.raw`\b(?:inside|in|on|within)\s+(?:the\s+|their\s+|our\s+)?(?:hospital|clinic|bank|plant|factory|company|corporate|internal|university|agency|ministry)(?:'s)?\s+(?:own\s+|internal\s+)?(?:network|lan|intranet|firewall)\b`,
        // "a container that runs on our customers' own k8s clusters in their datacenters".
        String.raw`\bcustomers?'?s?\s+own\s+(?:k8s|kubernetes|clusters?|servers?|hardware|infrastructure|data\s?cent(?:er|re)s?)\b|\b(?:in|on)\s+(?:the\s+customers?'?s?|our\s+customers?'?)\s+(?:own\s+)?data\s?cent(?:er|re)s?\b`,
        String.raw`\bon[\s-]?prem(?:ise|ises)?[\s-]only\b`,
        // "data can't leave our on-prem cluster": the cluster the model runs on is the team's own.
        String.raw`\b(?:can't|cannot|can\s+not|cant|must\s+not|mustn't|may\s+not|never|won't|doesn't|does\s+not|don't|do\s+not)\s+(?:ever\s+)?leaves?\s+(?:our|the)\s+(?:own\s+)?on[\s-]?prem(?:ise|ises)?\s+(?:cluster|servers?|gpus|hardware|dc|data\s?cent(?:er|re))\b`,
        String.raw`\b(?:gpus?|cards?|\d+\s?x?\s?(?:nvidia\s+|amd\s+)?(?:mi\d{3}x?|[ahlbt]\d{1,3}[a-z]?|v100|h200)s?)\s+on[\s-]?prem(?:ise|ises)?\b`,
        // "on our on-prem 8x A100 80GB": the team's own GPUs, said on-prem.
        String.raw`\bour\s+(?:own\s+)?on[\s-]?prem(?:ise|ises)?\s+(?:\d+\s?x\s?|\d+\s+)?(?:nvidia\s+|amd\s+)?(?:mi\d{3}x?|[ahlbt]\d{1,3}[a-z]?|v100|h200|rtx\s?\d{4})s?\b`,
        String.raw`\b(?:run|runs|running|deploy(?:ed)?|host(?:ed)?|serve[ds]?|live|stay)\s+(?:it\s+|the\s+model\s+|everything\s+)?(?:on|in)\s+(?:the\s+)?(?:[a-z]+'s\s+)?own\s+(?:servers?|hardware|machines?|data\s?cent(?:er|re)s?|racks?|infrastructure)\b`,
        String.raw`\b(?:run|runs|running|deploy(?:ed)?|host(?:ed)?|serve[ds]?)\s+(?:it\s+|the\s+model\s+|everything\s+)?(?:on[\s-]?prem(?:ise|ises)?|in[\s-]house|locally\s+on\s+our\s+servers|in\s+our\s+data\s?cent(?:er|re))\b`,
        String.raw`\bon[\s-]?prem(?:ise|ises)?\s+(?:deployment|servers?|hardware|cluster|infrastructure|gpus?|setup|install(?:ation)?)\b`,
        String.raw`\b(?:deployment|deploy)\s*(?:(?:is|will\s+be|:)\s*)?on[\s-]?prem(?:ise|ises)?\b`,
        String.raw`\b(?:everything|it|all|the\s+model|inference)\s+(?:runs?|stays?|is\s+hosted|lives?|must\s+run|has\s+to\s+run)\s+on[\s-]?prem(?:ise|ises)?\b`,
        String.raw`\b(?:strictly|only|fully|entirely)\s+on[\s-]?prem(?:ise|ises)?\b`,
        // "all on prem, nothing leaves the building", "everything on-prem": the whole setup, said as an answer.
        String.raw`(?:^|[.;!?\n]\s*)(?:it's\s+|its\s+|it\s+is\s+)?(?:all|everything)\s+(?:is\s+|runs\s+|stays\s+)?on[\s-]?prem(?:ise|ises)?\b(?=\s*(?:[,.;!?)]|$|\s+(?:only|and|but|because|since)\b))`,
        String.raw`\bin\s+our\s+(?:own\s+)?data\s?cent(?:er|re)s?\b`,
        String.raw`\b(?:everything|it|we|all|the\s+model|the\s+system|inference|hosting)\s+(?:is|are|'s|must\s+be|has\s+to\s+be|needs\s+to\s+be|will\s+be|stays?|remains?)\s+(?:all\s+|fully\s+|entirely\s+)?on[\s-]?prem(?:ise|ises)?\b`,
        String.raw`(?:^|[.;!?]\s*)(?:(?:it|we)\s+)?(?:must|has\s+to|have\s+to|needs\s+to)\s+be\s+on[\s-]?prem(?:ise|ises)?\b`,
        String.raw`\b(?:our|the)\s+(?:basement\s+|office\s+)?server\s+(?:room|closet)\b`,
        // "we pre-generate it offline on our workstation": the team's one machine, not its users' (those are edge).
        String.raw`(?<!\b(?:train|training|fine[\s-]?tune|fine[\s-]?tuning|finetune|develop|developing|prototype|prototyping|experiment|experimenting|test|testing|code|coding)\s+)\b(?:on|in)\s+(?:our|my)\s+(?:own\s+|single\s+|one\s+|office\s+|studio\s+)?workstation\b(?!s)`,
        // (GPUs or cards in the office say where training runs, not where the model is served.)
        String.raw`\b(?:box|boxes|servers?|machines?|hardware|racks?|workstations?)\s+(?:(?:is|are|sits?|lives?)\s+)?(?:in|at)\s+(?:our|the)\s+(?:office|basement|building|lab|closet)\b`,
        // "2x L40S in our colo", "we're a bank so nothing leaves our datacenter".
        String.raw`\b(?:in|at)\s+our\s+(?:own\s+)?colo(?:cation)?(?:\s+(?:facility|space|cage|racks?|site))?\b`,
        String.raw`\b(?:nothing|no\s+data|data)\s+(?:ever\s+)?leaves\s+our\s+(?:own\s+)?data\s?cent(?:er|re)s?\b`,
        String.raw`\b(?:on|in)\s+our\s+(?:own\s+)?(?:private|company|corporate)\s+(?:servers?|data\s?cent(?:er|re)s?|cloud|infrastructure|cluster)\b`,
        String.raw`\bbare[\s-]metal\s+servers?\s+(?:in|at)\s+(?:our|the\s+office)\b`,
        String.raw`\b(?:gpus?|[ahlbt]\d{1,3}[a-z]?s|l40s|cards?|servers?|machines?)\s+(?:that\s+)?we\s+own\b`,
        // "we're running Llama 2 13B on prem on 4x V100".
        String.raw`\b(?:run|runs|running|host(?:ed|ing)?|serv(?:e|es|ed|ing)|deploy(?:ed|ing)?)\b[^.;!?\n]{0,60}?\bon[\s-]?prem(?:ise|ises)?\b`,
        // "on our own 2x L40S, on-prem because of PCI", "1x H100 PCIe on prem".
        // "four cards with 48 gigs each … in our rack downstairs", "a box in our server room".
        String.raw`\b(?:in|from)\s+our\s+(?:own\s+)?(?:racks?|server\s+(?:room|closet|cupboard)|basement)\b(?!\s+(?:at|in|on)\s+(?:aws|gcp|azure|a\s+colo))`,
        String.raw`[,(]\s*on[\s-]?prem(?:ise|ises)?\s+(?:because|due|for|since|as|only)\b|\b(?:[ahlbt]\d{1,3}[a-z]?|v100|h200|mi\d{3}x?)\s+(?:pcie|sxm|nvl|\d{2,3}\s?gb)\s+on[\s-]?prem(?:ise|ises)?\b`,
      ].join('|'),
      'g',
    ),
    'on-prem',
  ],
  [
    new RegExp(
      [
        String.raw`\bself[\s-]?host(?:ed|ing)?\s+(?:it\s+|the\s+model\s+)?(?:on|in)\s+(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud|the\s+cloud|ec2|sagemaker|runpod|lambda(?:\s+labs)?|coreweave|our\s+(?:own\s+)?(?:cloud|vpc|aws|gcp|azure)(?:\s+account)?)\b`,
        String.raw`\b(?:run|runs|running|serve|serving|host|hosting)\s+(?:it\s+|[\w.-]+\s+){0,4}?(?:on\s[\w\s.×-]{0,30}?\s)?in\s+our\s+(?:own\s+)?(?:gcp|aws|azure|google\s+cloud)\s+(?:project|account|subscription|tenant|vpc)\b`,
        String.raw`\b(?:run|runs|running|deploy(?:ed)?|host(?:ed)?|serve[ds]?)\s+(?:it\s+|the\s+model\s+)?(?:ourselves\s+)?(?:on|in|from)\s+(?:our\s+)?(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud|ec2|sagemaker(?:\s+endpoints?)?|gke|eks|runpod|lambda\s+labs|coreweave|own\s+cloud\s+(?:gpus?|instances?|vms?)|cloud\s+(?:gpus?|vms?|instances?))\b`,
        // (Not "why would we rent an MI300X?": a rental the team questions.)
        // (Nor money for rented GPUs, "our budget for any rented GPUs is R$ 2.000", or a permission, "we're fine renting
        // GPUs up to $200": what training may cost, not where the model is served.)
        String.raw`(?<!\bwhy\s+(?:would|should|do|must)\s+(?:we|i)\s+)(?<!\bfor\s+(?:bigger|larger|heavier|big|large|heavy)\s+(?:jobs|runs|workloads|experiments)\s*,?\s*(?:we\s+)?)(?<!\b(?:budget|money|funds?|cash|spend|spending|pay|paying)\s+(?:\w+\s+)?(?:for|on)\s+(?:any\s+|some\s+|the\s+)?)(?<!\b(?:fine|ok|okay|happy|willing|open\s+to|comfortable)\s+(?:with\s+)?)(?<!\b(?:could|might|may|can)\s+(?:just\s+|always\s+|also\s+)?)\brent(?:ed|ing)?\b[^.;!?\n]{0,30}?\b(?:gpus?|[ahlb]\d{2,3}[a-z]?s?|l40s|rtx\s?\d{4}s?|\d{4}s|instances?|cloud\s+machines?)\b(?![^.;!?\n]{0,40}\b(?:for\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:training|fine[\s-]?tuning|tuning|(?<!(?:serving|inference|production)\s)(?:stage|step|phase))|for\s+(?:a\s+couple\s+(?:of\s+)?|a\s+few\s+|an?\s+|\d+\s+)(?:hours?|days?|afternoon)\b(?![^.;!?\n]{0,40}\b(?:serv\w*|host\w*|inference)\b)|to\s+train|(?:whenever|when|while)\s+(?:we|i)\s+(?:train|fine[\s-]?tune))\b)(?![^.;!?\n]{0,40}\b(?:can't|cannot|can\s+not|won't|not\s+allowed|isn't\s+allowed|is\s+out|ruled\s+out|is\s+not\s+an\s+option)\b)(?![^.;!?\n]{0,12}?\b(?:(?:isn'?t|is\s+not|not)\s+(?:realistic|possible|feasible|viable|doable|an\s+option)|unrealistic|out\s+of\s+the\s+question)\b)`,
        String.raw`\bcloud\s+(?:gpus?|vms?|instances?)\s+(?:that\s+)?we\s+(?:manage|control|run)\b`,
        // "two A10G instances we manage ourselves on AWS".
        String.raw`\b(?:instances?|vms?|servers?|nodes?|boxes|machines)\s+(?:that\s+)?we\s+(?:manage|run|operate|administer)\s+(?:ourselves\s+)?(?:on|in)\s+(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud|ec2|the\s+cloud)\b`,
        String.raw`\b(?:in|on)\s+the\s+cloud\s+(?:that\s+|which\s+)?we\s+(?:manage|control|run|administer)(?:\s+ourselves)?\b`,
        String.raw`\bour\s+own\s+(?:ec2|gce|azure|cloud|aws|gcp)\s+(?:instances?|vms?|machines?|servers?)\b`,
        String.raw`\b(?:in|on)\s+our\s+(?:own\s+)?vpc\b`,
        String.raw`\bour\s+own\s+(?:eks|gke|aks)\s+(?:cluster|nodes?|node\s+pools?)\b`,
        // "we're on Azure with our own VMs running vLLM".
        String.raw`\b(?:on|in)\s+(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud)\s+with\s+our\s+own\s+(?:vms?|instances?|gpus?|servers?|nodes?|cluster|machines)\b`,
        // (Not a permission to rent: "we can rent GPUs on Google Cloud or wherever".)
        String.raw`(?<!\b(?:could|might|may|can)\s+(?:just\s+|always\s+|also\s+)?rent\s+(?:some\s+|a\s+few\s+)?)\b(?:cluster|instances?|vms?|nodes?|gpus?|[ahlbt]\d{1,3}[a-z]?s?|l40s)(?:\s*,)?\s+(?:in|on)\s+(?:our\s+(?:own\s+)?)?(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud|ec2)\b`,
        // "self-hosted on 2x A10G in AWS", "self-hosting vLLM on EC2".
        String.raw`\bself[\s-]?host(?:ed|ing)?\s+(?:[\w.-]+\s+)?on\s+[^.;,\n]{0,30}?\b(?:in|on)\s+(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud|ec2)\b|\bself[\s-]?host(?:ed|ing)?\s+(?:vllm|tgi|it|the\s+model)\s+on\s+(?:ec2|aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api))\b`,
        String.raw`\bour\s+own\s+(?:instances?|vms?|servers?|nodes?)\s+(?:on|in)\s+(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud|the\s+cloud|ec2)\b`,
        // "it's an L4 on a GCP VM": a GPU on a cloud machine the team runs.
        String.raw`\b(?:on|in)\s+(?:a|an|our|the)\s+(?:(?:small|big|single|dedicated|rented|cheap|gpu)\s+)?(?:aws|gcp|azure|google\s+cloud|ec2|cloud)\s+(?:vms?|instances?|machines?|boxes|servers?)\b`,
        // "one reserved 4x A10G box on aws (1 yr commitment)": a machine the team holds in a cloud.
        String.raw`\b(?:reserved|dedicated|always[\s-]on)\s+(?:[\w-]+\s+){0,3}?(?:box|boxes|instances?|machines?|servers?|nodes?|vms?)\s+(?:on|in)\s+(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud|ec2|coreweave|lambda)\b`,
        String.raw`\b(?:gpus?|instances?|servers?|machines?|vms?|[ahlb]\d{2,3}s?)\s+(?:that\s+)?we\s+rent\b`,
        // "what if we ran it in the cloud instead?": the team's own model on cloud machines.
        String.raw`\b(?:ran|run|running|host(?:ed|ing)?|serv(?:e|ed|ing))\s+it\s+in\s+the\s+cloud\b`,
        // GPU clouds where the team runs its own container. (GPUs rented there are the rental pattern's: one rented
        // only to train, "for bigger jobs we rent A100s on runpod", says nothing of where the model is served.)
        String.raw`(?<!\brent(?:ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:on|from|at|via)\s+)\b(?:runpod|coreweave|lambda\s+labs|vast\.ai|modal\.com)\b`,
        // "self-hosted on a GKE cluster".
        String.raw`\bself[\s-]?host(?:ed|ing)?\s+(?:it\s+)?on\s+(?:a|an|our)\s+(?:own\s+)?(?:gke|eks|aks)\b`,
        // "self-host on our own k8s in AWS with vLLM".
        String.raw`\bself[\s-]?host(?:ed|ing)?\s+(?:it\s+)?(?:on|in)\s+(?:our\s+own\s+|our\s+)?(?:k8s|kubernetes|cluster|eks|gke|aks|vms?|instances?)\s+(?:in|on)\s+(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud|the\s+cloud)\b`,
        // "everything lives in our own gcp project on GKE", "all in aws under our own account, g5 boxes".
        String.raw`\b(?:in|on)\s+our\s+own\s+(?:gcp|aws|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud)\s+(?:project|account|subscription|tenant|vpc)\b`,
        String.raw`\b(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api))\s+under\s+our\s+own\s+account\b`,
        String.raw`\bwe\s+run\s+vllm\b|\bvllm\s+ourselves\b|\bour\s+own\s+vllm\b`,
        // "Qwen2.5 32B on 2 H100 SXM in our own cloud account", "on GCP with our own boxes".
        String.raw`(?<=\b(?:model|llm|runs?|running|serve[sd]?|serving|host(?:s|ed|ing)?)\b(?:[^.;!?\n]|\.(?=\d)){0,60})\bin\s+our\s+own\s+cloud\s+(?:account|project|tenant|subscription|vpc)\b|\b(?:on|in)\s+(?:aws|gcp|azure(?!\s+openai|'s\s+(?:api|openai)|\s+api)|google\s+cloud)\s+with\s+our\s+own\s+(?:gpus?|boxes|servers?|instances?|vms?|nodes?|machines?|cluster)\b`,
        // "a small open model we host ourselves", "we'd self-host it": the team serves it, on machines it runs or rents.
        String.raw`\b(?:model|one|llm|student)\s+(?:that\s+)?we\s+(?:can\s+|could\s+|would\s+|'d\s+|will\s+)?(?:self[\s-]?host|host(?:\s+and\s+run)?\s+ourselves|run\s+ourselves)\b|\bwe(?:'d|\s+would|\s+will|'ll|\s+want\s+to|\s+plan\s+to|\s+can)?\s+(?:self[\s-]?host\s+(?:it|the\s+model|the\s+student|them)|host\s+(?:it|the\s+model|the\s+student|them)\s+ourselves)\b`,
      ].join('|'),
      'g',
    ),
    'cloud-self-hosted',
  ],
  [
    new RegExp(
      [
        String.raw`\b(?:call|calls|calling|use|uses|using|via|through|over|hit|hitting)\s+(?:an?|the|their|a\s+hosted|a\s+managed|a\s+third[\s-]party|an\s+external)\s+(?:hosted\s+|managed\s+|cloud\s+|llm\s+|model\s+|provider\s+|vendor\s+|inference\s+)?apis?\b`,
        String.raw`\b(?:openai|anthropic|azure\s+openai|bedrock|vertex(?:\s+ai)?|gemini|mistral|together|fireworks)(?:'s)?\s+apis?\b`,
        String.raw`\b(?:hosted|managed|serverless)\s+(?:api|endpoint|inference)s?\b`,
        // "we will NOT self host … api only is fine": the team calls a vendor's endpoint.
        String.raw`\b(?:we\s+)?(?:will\s+not|won't|wont|can't|cannot|can\s+not|don't\s+want\s+to|do\s+not\s+want\s+to|(?:are|'re)\s+not\s+going\s+to|never\s+want\s+to)\s+self[\s-]?host\b|\bno\s+self[\s-]?hosting\b`,
        // "Llama 3.1 70B through a hosted provider": someone else serves it, the team calls it.
        String.raw`(?<!\b(?:rent\w*|leas\w*|hire[sd]?)\b[^.;!?\n]{0,40})\b(?:through|via|from|on|with)\s+(?:a|an|some)\s+(?:hosted|managed|third[\s-]party|inference)\s+(?:inference\s+)?(?:providers?|vendors?|services?)\b`,
        String.raw`\bapi\s+calls?\s+to\s+(?:openai|anthropic|azure|a\s+provider|the\s+provider)\b`,
        String.raw`\bcloud\s+api\b`,
        // "we just type into the chatgpt website", "the plus subscription", "it's openai's cloud".
        String.raw`\b(?:type|paste|use|using)\s+(?:it\s+)?(?:into|in|on)?\s*(?:the\s+)?chatgpt(?:\s+(?:website|web\s+app|plus|in\s+the\s+browser))?\b|\bchatgpt\s+(?:plus|team|enterprise)\b|\b(?:it's|its|it\s+is)\s+(?:openai|anthropic|google|microsoft)'?s\s+cloud\b`,
        String.raw`\bcall(?:s|ing)?\s+(?:plain\s+)?(?:gpt[\w.-]*|claude|gemini|openai|anthropic)\b`,
        // ("we do NOT self-host, we only call APIs": the vendor's API is where the model runs.)
        String.raw`\b(?:we|i)\s+(?:only|just)\s+(?:call|use|hit)\s+(?:the\s+|their\s+|vendor\s+|hosted\s+|model\s+)?apis?\b`,
        // (Not "the facts come from our order system via API calls": the team's own systems' API.)
        String.raw`(?<!\b(?:our|own|internal|the)\s+(?:[\w-]+\s+){0,2}?(?:system|database|db|backend|service|crm|erp|server|app)s?\s+)\b(?:thru|through|via|over)\s+(?:the\s+|their\s+|an\s+)?(?:api|endpoints?)\b`,
        String.raw`\b(?:on|via|through|thru|using|use|in)\s+(?:our\s+|their\s+|the\s+)?(?:azure\s+openai|aws\s+bedrock|bedrock|vertex(?:\s+ai)?)\b`,
        // "azure openai in our own tenant" (a short answer), "it's hosted by them, we just hit the endpoint with our key".
        String.raw`^\W*(?:azure\s+openai|aws\s+bedrock|bedrock|vertex(?:\s+ai)?)\b`,
        String.raw`\b(?:it's|it\s+is|the\s+(?:model|api|llm)\s+is)\s+hosted\s+by\s+(?:them|the\s+(?:vendor|provider)|openai|anthropic|google|microsoft)\b|\bhit\s+(?:the|their)\s+(?:endpoint|api)\s+with\s+(?:our|an?)\s+(?:api\s+)?key\b`,
      ].join('|'),
      'g',
    ),
    'cloud-api',
  ],
];

/** Finds `deployment`. Mentions of phones or APIs only count when the model runs there or is called there. */
export const extractDeployment: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  // "the app is on phones, but the model runs in the cloud": the device is where the app runs, not the model.
  const modelInTheCloud = MODEL_IN_THE_CLOUD.test(lower);
  // A phone named anywhere and no other device: read once per message, not once per mention (linear time).
  let phoneOnlyMemo: boolean | undefined;
  const phoneOnly = () => {
    phoneOnlyMemo ??= PHONE_IN_SENTENCE.test(lower) && !EDGE_HARDWARE.test(lower);
    return phoneOnlyMemo;
  };
  for (const [pattern, deployment] of PATTERNS) {
    for (const match of allMatches(pattern, lower)) {
      // ("Fields have no signal so it has to run on the phone itself": the "no" is the reason's, before "so".)
      if (
        isNegatedBefore(lower, match.index, 20) &&
        !/\b(?:so|hence|therefore|because|since)\b/.test(lower.slice(Math.max(0, match.index - 20), match.index))
      )
        continue;
      // ("caseworkers are on the phone with claimants", "talking to claimants on phone calls": a call, not a device.)
      if (
        deployment === 'mobile' &&
        PHONE_CALL.test(lower.slice(Math.max(0, match.index - 30), match.index + match[0].length + 20))
      )
        continue;
      // "Nothing runs on phones or laptops": denied, like "it doesn't run on phones".
      // ("Nothing leaves our on-prem cluster" says where everything stays: only a verb of running is denied.)
      if (
        (NOTHING_BEFORE.test(lower.slice(Math.max(0, match.index - 30), match.index)) &&
          /^(?:run|runs|running|deploy|work|live|ship|install)/.test(match[0])) ||
        NOTHING_RUNS_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index))
      )
        continue;
      // "we could consider an open model we host ourselves": an option weighed, not where the model runs today.
      if (
        OPTION_WEIGHED_BEFORE.test(
          lower
            .slice(Math.max(0, match.index - 150), match.index)
            .split(/[.!?;\n]/)
            .pop() ?? '',
        )
      )
        continue;
      if (modelInTheCloud && (deployment === 'mobile' || deployment === 'edge')) continue;
      // "4 A100s sitting mostly idle in our own DC": where spare GPUs are, not where the model must run.
      if (deployment === 'on-prem' && IDLE_HARDWARE.test(sentenceAround(lower, match.index))) continue;
      // "we can fine-tune it through OpenAI's API": where tuning is offered, not where the model serves.
      // ("Our model is on Azure OpenAI and they let us run fine-tuning jobs": where the model is, said outright.)
      if (
        deployment === 'cloud-api' &&
        TUNING.test(clauseOf(lower, match.index)) &&
        !MODEL_IS_THERE.test(lower.slice(Math.max(0, match.index - 30), match.index))
      )
        continue;
      // "an on-device model for iPhones": the device is a phone.
      // "on-device summarization on iPhones … inference is on device": a later bare mention is the same phone.
      const phone =
        deployment === 'edge' &&
        /^on[\s-](?:the\s+)?devices?/.test(match[0]) &&
        (PHONE_IN_SENTENCE.test(sentenceAround(lower, match.index)) || phoneOnly());
      findings.push(findingFromMatch('deployment', phone ? 'mobile' : deployment, match));
    }
  }
  // "want it running fully on the phone … the prototype uses GPT-4.1 through the API": the device is where the model
  // will run; the API is today's prototype (or the teacher), not the deployment.
  // (Not when the device is a wish for later: "we'd love to run it on-device someday, for now it's all cloud API".)
  const onDevice = findings.filter((item) => item.value === 'mobile' || item.value === 'edge');
  if (onDevice.length > 0 && !onDevice.some((item) => DEVICE_LATER.test(sentenceAround(lower, item.start, 160)))) {
    return findings.filter(
      (item) =>
        item.value !== 'cloud-api' ||
        !(OFFLINE.test(lower) || PROTOTYPE_OR_TODAY.test(sentenceAround(lower, item.start, 160))),
    );
  }
  return findings;
};

/** "we could consider …", "we would be open to …": what follows is an option, not the setup. */
const OPTION_WEIGHED_BEFORE = /\b(?:could|might|would|'d)\s+(?:also\s+)?(?:consider|be\s+open\s+to)\b/;
/** "our model is (on Azure OpenAI)", "it runs (on Bedrock)": where the model is, right before the place. */
const MODEL_IS_THERE = /\b(?:model|it|llm|bot|assistant)(?:\s+(?:is|runs|lives|sits)|'s)\s+$/;
/** "nothing (ever) runs on …", "nothing of it is deployed on …". */
const NOTHING_BEFORE = /\bnothing\s+(?:else\s+)?(?:ever\s+)?$/;
/** "Nothing runs on a phone": the verb of running said before the place denied. */
const NOTHING_RUNS_BEFORE =
  /\bnothing\s+(?:else\s+)?(?:(?:will|would|can|could)\s+)?(?:ever\s+)?(?:runs?|running|is\s+running|gets?\s+deployed|is\s+deployed|lives?)\s+$/;
/** "on the phone with claimants", "on phone calls", "answering the phone": a telephone call, not a device. */
export const PHONE_CALL =
  /\b(?:(?:are|is|am|'re|be|been|being|talking|speaking|chatting|stuck)\s+on\s+the\s+phone\b(?!\s+(?:itself|app|offline|locally|without|with\s+no))|on\s+(?:the\s+)?phone\s+(?:calls?|lines?|(?:with|to)\s+(?:claimants?|customers?|clients?|patients?|callers?|citizens?|members?|people|someone|them|him|her|us|a\s+(?:customer|client|patient|caller)))\b|phone\s+calls?\b|answer(?:s|ing)?\s+the\s+phones?\b|over\s+the\s+phone\b)/;
/** A device named as a wish or a maybe: "someday", "if we ever", "we'd love to", "eventually". */
const DEVICE_LATER =
  /\b(?:if|someday|some\s+day|one\s+day|eventually|later|future|down\s+the\s+road|would\s+love|'d\s+love|might|maybe|could|considering)\b/;
/** The model must work with no connection: it runs on the device. */
const OFFLINE =
  /\boffline\b|\bno\s+(?:internet|network|connectivity|connection)\b|\bwithout\s+(?:internet|a\s+connection|network)\b/;
/** The API use described is today's stopgap: "the prototype uses…", "today we call…", "for the MVP". */
const PROTOTYPE_OR_TODAY =
  /\b(?:prototypes?|poc|proof[\s-]of[\s-]concept|mvp|beta|demo|pilot|today|currently|right\s+now|for\s+now|at\s+the\s+moment|so\s+far)\b/;

/** GPUs said to be spare: "sitting idle", "unused", "just happen to be there". */
const IDLE_HARDWARE =
  /\b(?:(?:mostly\s+|largely\s+)?idle|unused|spare|sitting\s+(?:around|there)|lying\s+around|collecting\s+dust|just\s+happen\s+to\s+be)\b/;

const MODEL_IN_THE_CLOUD =
  /\b(?:the\s+)?(?:model|llm|inference)\s+(?:runs?|is\s+hosted|lives?|is\s+served|sits?|stays?)\s+(?:in\s+the\s+cloud|on\s+(?:our|the)\s+(?:servers?|backend))\b/;
const TUNING = /\bfine[\s-]?tun(?:e|es|ed|ing|able)\b/;
const PHONE_IN_SENTENCE = new RegExp(`\\b${PHONE}\\b`);
const EDGE_HARDWARE =
  /\b(?:jetsons?|raspberry\s+pi|laptops?|macbooks?|desktops?|pcs|cars?|vehicles?|robots?|drones?|cameras?|kiosks?|edge\s+(?:devices?|boxes?|nodes?|hardware)|browser|wearables?|watch(?:es)?|speakers?)\b/;

/** The clause around `index`: from the last comma or sentence break before it to the next one. */
function clauseOf(lower: string, index: number): string {
  const before = lower.slice(Math.max(0, index - 120), index);
  const after = lower.slice(index, index + 120);
  return (before.split(/[,.;!?\n]/).pop() ?? '') + (after.split(/[,.;!?\n]/)[0] ?? '');
}
