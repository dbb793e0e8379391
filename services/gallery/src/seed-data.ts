import type { Texts } from '@maison/house';

/**
 * Le Vivoir as its demo data shows it (demo-data.ts; the studios are reference data, reference-data.ts).
 * Every artist, work and exhibition here is invented; dates of exhibitions are days relative to
 * today in house time, so the demo always has something on view.
 */
const discipline = {
  painting: { fr: 'Peinture', en: 'Painting' },
  woodCarving: { fr: 'Sculpture sur bois', en: 'Wood carving' },
  ceramics: { fr: 'Céramique', en: 'Ceramics' },
  photography: { fr: 'Photographie', en: 'Photography' },
  textile: { fr: 'Art textile', en: 'Textile art' },
  naturalDyes: { fr: 'Teinture végétale', en: 'Natural dyeing' },
  printmaking: { fr: 'Gravure', en: 'Printmaking' },
  drawing: { fr: 'Dessin', en: 'Drawing' },
  video: { fr: 'Vidéo', en: 'Video' },
  installation: { fr: 'Installation', en: 'Installation' },
  mural: { fr: 'Art mural', en: 'Mural art' },
  shipModels: { fr: 'Maquettes de goélettes', en: 'Schooner models' },
} satisfies Record<string, Texts>;

export interface SeedArtist {
  slug: string;
  name: string;
  bio: Texts;
  disciplines: Texts[];
  website: string | null;
}

export const artists: SeedArtist[] = [
  {
    slug: 'albertine-ouellet-drapeau',
    name: 'Albertine Ouellet-Drapeau',
    bio: {
      fr: 'Peintre des battures et des marées du Saint-Laurent, elle travaille l’huile en grands formats, face au fleuve.',
      en: 'A painter of the St. Lawrence mudflats and tides, she works in oil on large canvases, facing the river.',
    },
    disciplines: [discipline.painting],
    website: 'https://albertine-ouellet-drapeau.example',
  },
  {
    slug: 'fernand-saint-aubin',
    name: 'Fernand Saint-Aubin',
    bio: {
      fr: 'Sculpteur formé dans la tradition de Saint-Jean-Port-Joli, il taille le tilleul et le noyer depuis quarante ans.',
      en: 'A carver trained in the Saint-Jean-Port-Joli tradition, he has worked basswood and walnut for forty years.',
    },
    disciplines: [discipline.woodCarving],
    website: null,
  },
  {
    slug: 'noemie-pelletier-vezina',
    name: 'Noémie Pelletier-Vézina',
    bio: {
      fr: 'Céramiste, elle tourne des grès aux émaux tirés des argiles et des cendres de la Côte-du-Sud.',
      en: 'A ceramicist who throws stoneware glazed with clays and ashes gathered on the Côte-du-Sud.',
    },
    disciplines: [discipline.ceramics],
    website: 'https://noemie-pv.example',
  },
  {
    slug: 'octave-bernier-lamothe',
    name: 'Octave Bernier-Lamothe',
    bio: {
      fr: 'Sculpteur et graveur, il passe du bloc de tilleul à la planche de bois gravée sans changer d’outils.',
      en: 'A carver and printmaker who moves from the basswood block to the woodcut plate with the same tools.',
    },
    disciplines: [discipline.woodCarving, discipline.printmaking],
    website: null,
  },
  {
    slug: 'lea-thibodeau-marquis',
    name: 'Léa Thibodeau-Marquis',
    bio: {
      fr: 'Photographe des saisons du village, de la première neige à la débâcle.',
      en: 'A photographer of the village seasons, from the first snow to the spring breakup.',
    },
    disciplines: [discipline.photography],
    website: 'https://lea-tm.example',
  },
  {
    slug: 'samuel-kwan-boisvert',
    name: 'Samuel Kwan-Boisvert',
    bio: {
      fr: 'Photographe et vidéaste, il travaille la nuit, sur les quais et les routes du littoral.',
      en: 'A photographer and video artist who works at night, on the wharves and coastal roads.',
    },
    disciplines: [discipline.photography, discipline.video],
    website: 'https://samuel-kwan-boisvert.example',
  },
  {
    slug: 'rosalie-castonguay-fiset',
    name: 'Rosalie Castonguay-Fiset',
    bio: {
      fr: 'Artiste textile, elle teint le lin avec les plantes qu’elle cueille le long du fleuve.',
      en: 'A textile artist who dyes linen with plants she gathers along the river.',
    },
    disciplines: [discipline.textile, discipline.naturalDyes],
    website: null,
  },
  {
    slug: 'mathis-fournier-chasse',
    name: 'Mathis Fournier-Chassé',
    bio: {
      fr: 'Peintre et muraliste, il couvre de couleur les murs des granges et les petits formats de l’atelier.',
      en: 'A painter and muralist who covers barn walls and small studio panels in colour.',
    },
    disciplines: [discipline.painting, discipline.mural],
    website: 'https://mathis-fc.example',
  },
  {
    slug: 'ines-belzile-rioux',
    name: 'Inès Belzile-Rioux',
    bio: {
      fr: 'Céramiste et installatrice, elle pose ses pièces dehors et laisse le temps les patiner.',
      en: 'A ceramicist and installation artist who sets her pieces outdoors and lets time weather them.',
    },
    disciplines: [discipline.ceramics, discipline.installation],
    website: null,
  },
  {
    slug: 'gaspard-letourneau-roy',
    name: 'Gaspard Létourneau-Roy',
    bio: {
      fr: 'Maquettiste et sculpteur, il reconstitue les goélettes qui mouillaient jadis devant le village.',
      en: 'A model maker and carver who rebuilds the schooners that once anchored off the village.',
    },
    disciplines: [discipline.woodCarving, discipline.shipModels],
    website: null,
  },
  {
    slug: 'aurore-michaud-st-onge',
    name: 'Aurore Michaud-St-Onge',
    bio: {
      fr: 'Lissière, elle tisse de grandes tapisseries de laine teinte à la main.',
      en: 'A weaver of large tapestries in hand-dyed wool.',
    },
    disciplines: [discipline.textile],
    website: 'https://aurore-mso.example',
  },
  {
    slug: 'ulysse-vaillancourt-pare',
    name: 'Ulysse Vaillancourt-Paré',
    bio: {
      fr: 'Dessinateur et graveur, il tient depuis dix ans un carnet quotidien du fleuve.',
      en: 'A draughtsman and printmaker who has kept a daily notebook of the river for ten years.',
    },
    disciplines: [discipline.drawing, discipline.printmaking],
    website: null,
  },
];

const medium = {
  oil: { fr: 'Huile sur toile', en: 'Oil on canvas' },
  acrylic: { fr: 'Acrylique sur toile', en: 'Acrylic on canvas' },
  basswood: { fr: 'Tilleul sculpté', en: 'Carved basswood' },
  walnut: { fr: 'Noyer sculpté et huilé', en: 'Carved and oiled walnut' },
  stoneware: { fr: 'Grès émaillé', en: 'Glazed stoneware' },
  porcelain: { fr: 'Porcelaine', en: 'Porcelain' },
  inkjet: { fr: 'Impression jet d’encre sur papier coton', en: 'Inkjet print on cotton paper' },
  silver: { fr: 'Épreuve argentique', en: 'Gelatin silver print' },
  linen: { fr: 'Lin teint aux plantes', en: 'Plant-dyed linen' },
  quilt: { fr: 'Coton et lin teints aux plantes, piqués main', en: 'Plant-dyed cotton and linen, hand-quilted' },
  tapestry: { fr: 'Laine teinte à la main, tissée', en: 'Hand-dyed woven wool' },
  woodcut: { fr: 'Gravure sur bois', en: 'Woodcut' },
  charcoal: { fr: 'Fusain sur papier', en: 'Charcoal on paper' },
  model: { fr: 'Pin et cèdre, gréement de lin', en: 'Pine and cedar, linen rigging' },
} satisfies Record<string, Texts>;

export type SeedAvailability = 'AVAILABLE' | 'SOLD' | 'NOT_FOR_SALE' | 'ON_LOAN';
export type SeedSpace = 'cuisine' | 'terrasse';

export interface SeedArtwork {
  slug: string;
  artist: string;
  title: Texts;
  year: number;
  medium: Texts;
  dimensions: string;
  availability: SeedAvailability;
  /** Asking price in dollars; null: on request, or no price. */
  price: number | null;
  displayedIn: SeedSpace | null;
}

const work = (
  slug: string,
  artist: string,
  title: Texts,
  year: number,
  m: Texts,
  dimensions: string,
  availability: SeedAvailability,
  price: number | null,
  displayedIn: SeedSpace | null = null,
): SeedArtwork => ({ slug, artist, title, year, medium: m, dimensions, availability, price, displayedIn });

export const artworks: SeedArtwork[] = [
  work(
    'battures-a-maree-basse',
    'albertine-ouellet-drapeau',
    { fr: 'Battures à marée basse', en: 'Mudflats at low tide' },
    2023,
    medium.oil,
    '91 × 122 cm',
    'AVAILABLE',
    2400,
    'cuisine',
  ),
  work(
    'le-fleuve-en-novembre',
    'albertine-ouellet-drapeau',
    { fr: 'Le fleuve en novembre', en: 'The river in November' },
    2022,
    medium.oil,
    '61 × 76 cm',
    'SOLD',
    1250,
  ),
  work(
    'brume-sur-l-isle-aux-grues',
    'albertine-ouellet-drapeau',
    { fr: 'Brume sur L’Isle-aux-Grues', en: 'Fog over L’Isle-aux-Grues' },
    2024,
    medium.oil,
    '40 × 50 cm',
    'AVAILABLE',
    850,
  ),
  work('le-passeur', 'fernand-saint-aubin', { fr: 'Le passeur', en: 'The ferryman' }, 2021, medium.basswood, '48 × 20 × 18 cm', 'AVAILABLE', null),
  work(
    'vieux-pecheur-de-l-anse',
    'fernand-saint-aubin',
    { fr: 'Vieux pêcheur de l’anse', en: 'Old fisherman of the cove' },
    2019,
    medium.basswood,
    '35 × 15 × 14 cm',
    'SOLD',
    1800,
  ),
  work('la-fileuse', 'fernand-saint-aubin', { fr: 'La fileuse', en: 'The spinner' }, 2024, medium.walnut, '60 × 25 × 22 cm', 'AVAILABLE', 3200, 'cuisine'),
  work(
    'bols-des-marees',
    'noemie-pelletier-vezina',
    { fr: 'Bols des marées (série de cinq)', en: 'Tide bowls (set of five)' },
    2024,
    medium.stoneware,
    '5 × Ø 18 cm',
    'AVAILABLE',
    420,
    'cuisine',
  ),
  work(
    'jarre-des-battures',
    'noemie-pelletier-vezina',
    { fr: 'Jarre des battures', en: 'Mudflat jar' },
    2023,
    medium.stoneware,
    '52 × 38 cm',
    'AVAILABLE',
    1150,
    'terrasse',
  ),
  work(
    'porcelaine-de-givre',
    'noemie-pelletier-vezina',
    { fr: 'Porcelaine de givre', en: 'Frost porcelain' },
    2022,
    medium.porcelain,
    '12 × 30 cm',
    'NOT_FOR_SALE',
    null,
  ),
  work(
    'l-ange-du-clocher',
    'octave-bernier-lamothe',
    { fr: 'L’ange du clocher', en: 'The bell-tower angel' },
    2020,
    medium.basswood,
    '110 × 40 × 30 cm',
    'ON_LOAN',
    null,
  ),
  work(
    'estampe-des-goelettes',
    'octave-bernier-lamothe',
    { fr: 'Estampe des goélettes', en: 'Schooner print' },
    2023,
    medium.woodcut,
    '45 × 60 cm',
    'AVAILABLE',
    380,
    'cuisine',
  ),
  work(
    'premiere-neige-a-port-joli',
    'lea-thibodeau-marquis',
    { fr: 'Première neige à Port-Joli', en: 'First snow in Port-Joli' },
    2022,
    medium.inkjet,
    '50 × 75 cm',
    'AVAILABLE',
    650,
  ),
  work(
    'les-glaces-du-printemps',
    'lea-thibodeau-marquis',
    { fr: 'Les glaces du printemps', en: 'Spring ice' },
    2023,
    medium.inkjet,
    '70 × 105 cm',
    'SOLD',
    900,
  ),
  work('quai-de-nuit', 'samuel-kwan-boisvert', { fr: 'Quai de nuit', en: 'Wharf at night' }, 2024, medium.silver, '40 × 50 cm', 'AVAILABLE', 720),
  work('l-heure-bleue', 'samuel-kwan-boisvert', { fr: 'L’heure bleue', en: 'The blue hour' }, 2023, medium.inkjet, '100 × 150 cm', 'AVAILABLE', null),
  work(
    'indigo-et-verge-d-or',
    'rosalie-castonguay-fiset',
    { fr: 'Indigo et verge d’or', en: 'Indigo and goldenrod' },
    2024,
    medium.linen,
    '140 × 90 cm',
    'AVAILABLE',
    1600,
    'cuisine',
  ),
  work(
    'courtepointe-des-rives',
    'rosalie-castonguay-fiset',
    { fr: 'Courtepointe des rives', en: 'Shoreline quilt' },
    2021,
    medium.quilt,
    '180 × 150 cm',
    'NOT_FOR_SALE',
    null,
  ),
  work(
    'le-mur-des-hirondelles',
    'mathis-fournier-chasse',
    { fr: 'Le mur des hirondelles', en: 'The swallow wall' },
    2023,
    medium.acrylic,
    '122 × 244 cm',
    'AVAILABLE',
    4800,
  ),
  work(
    'petite-marine-rouge',
    'mathis-fournier-chasse',
    { fr: 'Petite marine rouge', en: 'Small red seascape' },
    2024,
    medium.acrylic,
    '30 × 30 cm',
    'AVAILABLE',
    450,
    'cuisine',
  ),
  work('nids', 'ines-belzile-rioux', { fr: 'Nids', en: 'Nests' }, 2024, medium.stoneware, '200 × 120 × 40 cm', 'AVAILABLE', null, 'terrasse'),
  work('bouees', 'ines-belzile-rioux', { fr: 'Bouées', en: 'Buoys' }, 2023, medium.stoneware, '3 × Ø 35 cm', 'AVAILABLE', 960, 'terrasse'),
  work(
    'goelette-belle-de-l-anse',
    'gaspard-letourneau-roy',
    { fr: 'Goélette Belle-de-l’Anse', en: 'The schooner Belle-de-l’Anse' },
    2022,
    medium.model,
    '68 × 82 × 20 cm',
    'AVAILABLE',
    2900,
  ),
  work(
    'chaloupe-du-dimanche',
    'gaspard-letourneau-roy',
    { fr: 'Chaloupe du dimanche', en: 'Sunday rowboat' },
    2024,
    medium.basswood,
    '22 × 45 × 14 cm',
    'AVAILABLE',
    680,
    'cuisine',
  ),
  work(
    'tapisserie-des-quatre-vents',
    'aurore-michaud-st-onge',
    { fr: 'Tapisserie des quatre vents', en: 'Tapestry of the four winds' },
    2023,
    medium.tapestry,
    '150 × 110 cm',
    'AVAILABLE',
    null,
  ),
  work('les-oies-blanches', 'ulysse-vaillancourt-pare', { fr: 'Les oies blanches', en: 'Snow geese' }, 2024, medium.charcoal, '56 × 76 cm', 'AVAILABLE', 540),
  work(
    'carnet-du-fleuve-planche-iii',
    'ulysse-vaillancourt-pare',
    { fr: 'Carnet du fleuve, planche III', en: 'River notebook, plate III' },
    2023,
    medium.woodcut,
    '30 × 40 cm',
    'SOLD',
    290,
  ),
];

/** Where a vernissage takes place: the gallery itself, a shared space, or the terrace when in season. */
export type SeedVenue = 'galerie' | SeedSpace | 'terrasse-en-saison';

export interface SeedExhibition {
  slug: string;
  title: Texts;
  description: Texts;
  /** Days from today (house time). */
  startsIn: number;
  endsIn: number;
  vernissage: { from: string; to: string; venue: SeedVenue };
  artists: string[];
  artworks: string[];
}

export const exhibitions: SeedExhibition[] = [
  {
    slug: 'marees-hautes',
    title: { fr: 'Marées hautes', en: 'High tides' },
    description: {
      fr: 'Le fleuve vu par quatre artistes de la Côte-du-Sud : huiles, photographies, fusains et grès.',
      en: 'The river seen by four Côte-du-Sud artists: oils, photographs, charcoals and stoneware.',
    },
    startsIn: -20,
    endsIn: 25,
    vernissage: { from: '17:00', to: '20:00', venue: 'galerie' },
    artists: ['albertine-ouellet-drapeau', 'lea-thibodeau-marquis', 'ulysse-vaillancourt-pare', 'noemie-pelletier-vezina'],
    artworks: [
      'battures-a-maree-basse',
      'le-fleuve-en-novembre',
      'brume-sur-l-isle-aux-grues',
      'les-glaces-du-printemps',
      'les-oies-blanches',
      'jarre-des-battures',
    ],
  },
  {
    slug: 'couleurs-de-grange',
    title: { fr: 'Couleurs de grange', en: 'Barn colours' },
    description: {
      fr: 'Esquisses, maquettes et petits formats des murales de Mathis Fournier-Chassé.',
      en: 'Sketches, models and small panels from Mathis Fournier-Chassé’s murals.',
    },
    startsIn: -5,
    endsIn: 10,
    vernissage: { from: '17:00', to: '19:00', venue: 'terrasse-en-saison' },
    artists: ['mathis-fournier-chasse'],
    artworks: ['le-mur-des-hirondelles', 'petite-marine-rouge'],
  },
  {
    slug: 'le-bois-qui-chante',
    title: { fr: 'Le bois qui chante', en: 'The singing wood' },
    description: {
      fr: 'Trois sculpteurs dans la tradition du bois sculpté de Saint-Jean-Port-Joli.',
      en: 'Three carvers in the Saint-Jean-Port-Joli wood-carving tradition.',
    },
    startsIn: 35,
    endsIn: 95,
    vernissage: { from: '16:00', to: '19:00', venue: 'terrasse-en-saison' },
    artists: ['fernand-saint-aubin', 'octave-bernier-lamothe', 'gaspard-letourneau-roy'],
    artworks: ['le-passeur', 'vieux-pecheur-de-l-anse', 'la-fileuse', 'estampe-des-goelettes', 'goelette-belle-de-l-anse', 'chaloupe-du-dimanche'],
  },
  {
    slug: 'fils-et-teintures',
    title: { fr: 'Fils et teintures', en: 'Threads and dyes' },
    description: {
      fr: 'Lin teint aux plantes et tapisseries de laine : le textile comme paysage.',
      en: 'Plant-dyed linen and wool tapestries: textile as landscape.',
    },
    startsIn: 110,
    endsIn: 160,
    vernissage: { from: '17:00', to: '19:00', venue: 'cuisine' },
    artists: ['rosalie-castonguay-fiset', 'aurore-michaud-st-onge'],
    artworks: ['indigo-et-verge-d-or', 'courtepointe-des-rives', 'tapisserie-des-quatre-vents'],
  },
  {
    slug: 'terres-et-feux',
    title: { fr: 'Terres et feux', en: 'Earth and fire' },
    description: {
      fr: 'Deux céramistes, un four à bois et les argiles du littoral.',
      en: 'Two ceramicists, a wood-fired kiln and the clays of the shore.',
    },
    startsIn: -95,
    endsIn: -45,
    vernissage: { from: '17:00', to: '19:30', venue: 'cuisine' },
    artists: ['noemie-pelletier-vezina', 'ines-belzile-rioux'],
    artworks: ['bols-des-marees', 'porcelaine-de-givre', 'nids', 'bouees'],
  },
  {
    slug: 'lumieres-d-hiver',
    title: { fr: 'Lumières d’hiver', en: 'Winter light' },
    description: {
      fr: 'Photographies de neige, de glace et de nuits sur les quais.',
      en: 'Photographs of snow, ice and nights on the wharves.',
    },
    startsIn: -170,
    endsIn: -110,
    vernissage: { from: '18:00', to: '21:00', venue: 'galerie' },
    artists: ['lea-thibodeau-marquis', 'samuel-kwan-boisvert'],
    artworks: ['premiere-neige-a-port-joli', 'quai-de-nuit', 'l-heure-bleue'],
  },
];

export const VENUES: Record<'galerie' | SeedSpace, Texts> = {
  galerie: { fr: 'Galerie Le Vivoir', en: 'Le Vivoir gallery' },
  cuisine: { fr: 'Cuisine partagée', en: 'Shared kitchen' },
  terrasse: { fr: 'Terrasse', en: 'Terrace' },
};

/** The description of a work's image (every image has one, migration 006): its title and medium. */
export const imageAlt = (title: Texts, medium: Texts): Texts => ({
  fr: `${title.fr} (${medium.fr.toLowerCase()})`,
  en: `${title.en ?? title.fr} (${(medium.en ?? medium.fr).toLowerCase()})`,
});
