import type { KenyanCounty } from './kenyan-counties';

/**
 * Place names (towns, estates, neighbourhoods, roads) and the county they lie in, written the way the
 * normaliser writes text: lower case, apostrophes dropped, hyphens as spaces. The county's own name is added
 * by `detect-county.ts`. Where a place straddles a border we keep the county most people mean.
 */
export const COUNTY_PLACES: Record<KenyanCounty, readonly string[]> = {
  Nairobi: [
    'nrb, kayole, embakasi, kibera, kibra, umoja, donholm, buruburu, buru buru, eastleigh',
    'south b, south c, langata, karen, westlands, kilimani, kileleshwa, lavington, parklands',
    'kasarani, roysambu, zimmerman, kahawa west, pipeline, mathare, kariobangi, dandora',
    'kawangware, kangemi, utawala, ruai, kitisuru, runda, muthaiga, gigiri, ngara, pangani',
    'huruma, mukuru, imara daima, fedha, tassia, komarock, mwiki, lucky summer, baba dogo',
    'madaraka, makadara, makongeni, hurlingham, upperhill, upper hill, ruaraka, thome',
    'garden estate, njiru, mihango, kariokor, riruta, dagoretti, satellite, ngong road, ngong rd',
    'jogoo road, mombasa road, mombasa rd, thika road, kiambu road, waiyaki way',
    'kicc, jkia, nairobi west, highridge, loresho, spring valley, industrial area, savannah',
    'nyayo estate, mlango kubwa, kenyatta market, kamukunji, starehe, kahawa barracks, stima plaza',
  ],
  Kiambu: [
    'thika, ruiru, juja, ruaka, limuru, kikuyu town, kikuyu, githunguri, gatundu, kiambaa, karuri',
    'kinoo, kabete, wangige, githurai, kahawa sukari, kahawa wendani, membley, tatu city',
    'banana hill, ndenderu, gachie, uthiru, lari, kijabe, kamakis, witeithie, muguga, kimbo',
  ],
  Kajiado: [
    'kitengela, ongata rongai, rongai, ngong, kiserian, isinya, namanga, loitokitok, kimana',
    'matasia, ngong hills',
  ],
  Machakos: [
    'mlolongo, syokimau, athi river, kangundo, tala, matuu, masii, kathiani, joska, konza, mavoko',
    'lukenya, mwala, kithimani',
  ],
  Mombasa: [
    'msa, nyali, bamburi, kisauni, likoni, changamwe, mikindani, tudor, mtopanga, shanzu',
    'bombolulu, magongo, port reitz, kongowea, mishomoroni, mkomani, mtongwe, jomvu, miritini',
    'ganjoni, mvita, frere town, freretown, kizingo, tononoka',
  ],
  Kwale: ['ukunda, diani, msambweni, lunga lunga, kinango, shimoni, tiwi'],
  Kilifi: [
    'malindi, watamu, mtwapa, mariakani, kaloleni, rabai, gede, mazeras, takaungu, kikambala',
    'vipingo, ganze, magarini',
  ],
  'Tana River': ['hola, garsen, madogo'],
  Lamu: ['mpeketoni, witu, faza, mokowe'],
  'Taita-Taveta': ['taita, taveta, voi, wundanyi, mwatate, maungu'],
  Garissa: ['dadaab, hulugho, ijara, masalani'],
  Wajir: ['habaswein, griftu, eldas'],
  Mandera: ['elwak, takaba, rhamu'],
  Marsabit: ['moyale, laisamis, north horr, loiyangalani'],
  Isiolo: ['merti, garbatulla'],
  Meru: ['maua, nkubu, timau, mitunguu, kianjai, laare, kangeta, igembe, tigania, imenti'],
  'Tharaka-Nithi': ['tharaka, chuka, marimanti, chogoria, kathwana'],
  Embu: ['runyenjes, siakago, kiritiri, ishiara, kianjokoma'],
  Kitui: ['mwingi, mutomo, kyuso, migwani, ikutha, katulani'],
  Makueni: ['wote, emali, mtito andei, kibwezi, makindu, sultan hamud, kilome, mbooni, nunguni'],
  Nyandarua: ['ol kalou, olkalou, engineer, njabini, ndaragwa, ol joro orok, kinangop, mairo inya'],
  Nyeri: ['karatina, othaya, mukurweini, naromoru, kiganjo, mweiga, endarasha, ruringu'],
  Kirinyaga: ['kerugoya, kutus, sagana, wanguru, mwea, kagio, kianyaga, baricho, kibirigwi'],
  "Murang'a": ['kenol, makuyu, kangema, kandara, kiharu, kigumo, kahuro, maragua, kiriaini'],
  Turkana: ['lodwar, kakuma, lokichoggio, lokichogio, kalokol, lokori, lokitaung'],
  'West Pokot': ['pokot, kapenguria, chepareria, sigor, kacheliba, ortum'],
  Samburu: ['maralal, baragoi, wamba, archers post'],
  'Trans Nzoia': ['transnzoia, kitale, kiminini, endebess, saboti'],
  'Uasin Gishu': [
    'eldoret, eldy, langas, kapseret, burnt forest, moiben, kapsoya, kimumu, kesses, maili nne',
  ],
  'Elgeyo-Marakwet': ['elgeyo, marakwet, iten, kapsowar, chebiemit, tambach, kaptarakwa, chepkorio'],
  Nandi: ['nandi hills, kapsabet, mosoriot, kobujoi, chepterit, lessos, kabiyet'],
  Baringo: ['kabarnet, eldama ravine, marigat, mogotio, chemolingot, kabartonjo'],
  Laikipia: ['nanyuki, nyahururu, rumuruti, doldol, kinamba'],
  Nakuru: [
    'naivasha, molo, njoro, gilgil, subukia, lanet, olkaria, mai mahiu, kuresoi, bahati, salgaa',
    'kabarak, elburgon, kiamunyi, barut, nax',
  ],
  Narok: ['kilgoris, ololulunga, maasai mara, masai mara, suswa, lolgorian, ntulele'],
  Kericho: ['litein, kipkelion, londiani, fort ternan, ainamoi, chepseon'],
  Bomet: ['sotik, longisa, mulot, silibwet, ndanai'],
  Kakamega: ['mumias, malava, butere, lurambi, shinyalu, navakholo, lugari, lumakanda, shianda'],
  Vihiga: ['luanda, mbale, chavakali, hamisi, kaimosi, sabatia, mudete, emuhaya'],
  Bungoma: ['webuye, kimilili, chwele, tongaren, kanduyi, sirisia, malakisi, bumula, cheptais'],
  Busia: ['malaba, nambale, port victoria, funyula, butula, budalangi, bumala'],
  Siaya: ['bondo, ugunja, ukwala, yala, usenge, rarieda'],
  Kisumu: [
    'ksm, kondele, nyalenda, mamboleo, ahero, maseno, muhoroni, kibos, nyamasaria, migosi, obunga',
    'kisian, kombewa, katito, awasi, nyakach, lolwe',
  ],
  'Homa Bay': ['homabay, mbita, oyugis, kendu bay, ndhiwa, rangwe, mfangano, rusinga, kosele'],
  Migori: ['rongo, awendo, isebania, kehancha, uriri, macalder, ntimaru'],
  Kisii: ['ogembo, suneka, nyamache, marani, masimba, tabaka, nyamarambe'],
  Nyamira: ['nyansiongo, ekerenyo, nyaramba'],
};

/**
 * Places whose name is also an everyday Swahili or English word ("umoja" unity, "fedha" money, "wote" all,
 * "maua" flowers, "engineer"…). They count only beside a place cue (see `detect-county.ts`) or as the last
 * word of the post, where people sign off with their location.
 */
export const AMBIGUOUS_PLACES: readonly string[] = [
  'umoja, karen, pipeline, utawala, fedha, madaraka, huruma, satellite, maua, tala, wote, hola',
  'luanda, engineer, wamba, kikuyu, thome, tudor, savannah, taita, mbale, lari, starehe',
  'kimbo, yala, gede, nax, msa, kamukunji',
];

/** Words just before an ambiguous place name that make it a place ("in Umoja", "huku Maua"). */
export const PLACE_CUES_BEFORE: readonly string[] = [
  'in, at, around, near, from, huku, huko, hapa, karibu, estate, area, niko, tuko, tukiwa, residents',
];

/** Words just after an ambiguous place name that make it a place ("Umoja estate", "Karen area"). */
export const PLACE_CUES_AFTER: readonly string[] = [
  'estate, area, ward, town, stage, side, phase, mjini, residents, road, rd, market',
];

/** Phrases that contain a place name without meaning the place. */
export const NOT_PLACES: readonly string[] = ['madaraka day, karen lee, umoja wa, fedha za, fedha ya'];

/** Splits comma-separated list lines into trimmed, non-empty entries. */
export function splitList(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const part of line.split(',')) {
      const item = part.trim();
      if (item !== '') out.push(item);
    }
  }
  return out;
}
