// Fill forecasting: readings in (with bad rows reported), cleaning, a per-bin model, and the
// forecast distribution a selection step asks (expected fill, quantiles, P(overflow)).
export { readReadings, checkReadings, READING_PROBLEM_CODES, type ReadingInput, type Reading, type ReadingProblem, type ReadingProblemKind, type CheckedReadings, type CheckReadingsOptions } from './readReadings.js';
export { cleanReadings, type CleanedBin, type CleanOptions, type FillPoint, type Reset, type StuckStretch } from './cleanReadings.js';
export { forecastBins, type ForecastBinInfo, type ForecastOptions, type ForecastResult, type BinForecast, type BinStatus, type ForecastBasis } from './forecastBins.js';
export { FillForecast, type FillState, type TimeInput } from './FillForecast.js';
export { WeeklyProfile } from './WeeklyProfile.js';
export { CollectionFillForecaster, COLLECTION_FORECAST_DEFAULTS, type CollectionRecord, type CollectionForecastOptions, type CollectionFillPrediction } from './CollectionFillForecaster.js';
export { parseTimestamp, formatTimestamp, hourOfWeek, toMs, type ParsedTime } from './timestamps.js';
export { median, robustSigma, theilSenSlope, repeatedMedianSlope, spikeIndices, normalCdf, normalQuantile, shrink } from './robustStats.js';
