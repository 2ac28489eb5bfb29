import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { SurveyBodyMiddleware } from '../surveys/survey-body.middleware';
import { SurveyController } from '../surveys/survey.controller';
import { SurveyService } from '../surveys/survey.service';
import { TouchpointExportService } from '../touchpoints/touchpoint-export.service';
import { AnalyticsController, JourneyStatsController } from './analytics.controller';
import { CustomerInsightsController } from './customer-insights.controller';
import { JourneyMapService } from './journey-map.service';
import { JourneyStatsService } from './journey-stats.service';
import { ReportService } from './report.service';
import { StageAnalyticsService } from './stage-analytics.service';

/**
 * What analysts and customers' feedback need: journey stats, stage analytics and NPS, the journey map,
 * erasure, the survey page, and the touchpoint export (used by TouchpointsController).
 */
@Module({
  controllers: [JourneyStatsController, AnalyticsController, CustomerInsightsController, SurveyController],
  providers: [
    JourneyStatsService,
    ReportService,
    StageAnalyticsService,
    JourneyMapService,
    SurveyService,
    TouchpointExportService,
  ],
  exports: [TouchpointExportService, JourneyStatsService],
})
export class AnalyticsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SurveyBodyMiddleware).forRoutes({ path: 's/*path', method: RequestMethod.POST });
  }
}
