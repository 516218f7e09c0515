// Astronomy for the lunisolar calendar, written from the published algorithms (not from any calendar code):
// - mean and true new moons: J. Meeus, "Astronomical Algorithms" (2nd ed.), ch. 49;
// - apparent solar longitude: Meeus ch. 25 (low-accuracy method, about 0.01°);
// - ΔT = TT − UT: the polynomial fits of Espenak & Meeus (NASA "Five Millennium Canon of Solar Eclipses").
// Times are Julian Days; JDE is in Terrestrial Time, JD in Universal Time.

const RAD = Math.PI / 180;
/** Julian Day of 1970-01-01 00:00 UT, i.e. of day number 0. */
export const JD_UNIX_EPOCH = 2_440_587.5;
export const SYNODIC_MONTH = 29.530588861;
/** JDE of the mean new moon k = 0 (2000-01-06). */
const K0_JDE = 2_451_550.09766;

const sin = (deg: number): number => Math.sin(deg * RAD);

/** ΔT in seconds for a decimal year (Espenak & Meeus fits; 1800–2150, a parabola outside). */
export function deltaT(year: number): number {
  if (year >= 2050) return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
  if (year >= 2005) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (year >= 1986) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year >= 1961) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - (t * t) / 260 - t ** 3 / 718;
  }
  if (year >= 1941) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - (t * t) / 233 + t ** 3 / 2547;
  }
  if (year >= 1920) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t * t + 0.0020936 * t ** 3;
  }
  if (year >= 1900) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year >= 1860) {
    const t = year - 1860;
    return (
      7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233_174
    );
  }
  if (year >= 1800) {
    const t = year - 1800;
    return (
      13.72 -
      0.332447 * t +
      0.0068612 * t ** 2 +
      0.0041116 * t ** 3 -
      0.00037436 * t ** 4 +
      0.0000121272 * t ** 5 -
      0.0000001699 * t ** 6 +
      0.000000000875 * t ** 7
    );
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2;
}

const decimalYearOfJd = (jd: number): number => 2000 + (jd - 2_451_545) / 365.2425;

export function jdeFromJd(jd: number): number {
  return jd + deltaT(decimalYearOfJd(jd)) / 86_400;
}

export function jdFromJde(jde: number): number {
  return jde - deltaT(decimalYearOfJd(jde)) / 86_400;
}

// Periodic terms of the true new moon (Meeus table 49.A, "New Moon" column): [coefficient, power of E,
// multiples of M, M′, F, Ω].
const NEW_MOON_TERMS: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Planetary arguments A1…A14 (Meeus ch. 49): [coefficient, constant, rate per lunation].
const PLANETARY_TERMS: ReadonlyArray<readonly [number, number, number]> = [
  [0.000325, 299.77, 0.107408],
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/** JDE (TT) of true new moon number k, counted from the new moon of 2000-01-06 (Meeus ch. 49). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const mean = K0_JDE + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
  let correction = 0;
  for (const [c, ePow, nm, nmp, nf, nom] of NEW_MOON_TERMS) {
    correction += c * e ** ePow * sin(nm * m + nmp * mp + nf * f + nom * om);
  }
  // A1 also carries a T² term.
  correction += PLANETARY_TERMS.reduce(
    (sum, [c, a, rate], i) => sum + c * sin(a + rate * k - (i === 0 ? 0.009173 * t2 : 0)),
    0,
  );
  return mean + correction;
}

/** Apparent geocentric longitude of the Sun in degrees [0, 360) at a JDE (Meeus ch. 25, low accuracy). */
export function sunLongitude(jde: number): number {
  const t = (jde - 2_451_545) / 36_525;
  const l0 = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35_999.05029 * t - 0.0001537 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) +
    (0.019993 - 0.000101 * t) * sin(2 * m) +
    0.000289 * sin(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * sin(omega);
  return ((lambda % 360) + 360) % 360;
}
