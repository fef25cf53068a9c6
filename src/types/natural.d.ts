// natural's distance modules are imported one by one (the package index loads
// database clients and prints to stdout); their declarations live in its index only.
declare module "natural/lib/natural/distance/jaro-winkler_distance.js" {
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
