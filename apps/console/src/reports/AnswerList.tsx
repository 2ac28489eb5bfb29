import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format';
import { categoryOf, useNpsAnswers, type AnswerFilters, type Range, type SurveyAnswer } from './reports.api';

/** The answers newest first, each with its comment; a detractor's links to what they went through. */
export function AnswerList({ range, filters }: { range: Range; filters: AnswerFilters }) {
  const { t } = useTranslation('reports');
  const answers = useNpsAnswers(range, filters);
  const items = answers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="report-card" aria-labelledby="answers-title">
      <h2 id="answers-title">{t('nps.answers')}</h2>
      {answers.isPending ? (
        <p>{t('common:loading')}</p>
      ) : answers.isError ? (
        <p role="alert" className="error-text">
          {t('common:error', { message: answers.error.message })}
        </p>
      ) : items.length === 0 ? (
        <p className="muted">{t('nps.noAnswersMatch')}</p>
      ) : (
        <ol className="answers">
          {items.map((answer) => (
            <Answer key={answer.id} answer={answer} />
          ))}
        </ol>
      )}
      {answers.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={answers.isFetchingNextPage}
          onClick={() => void answers.fetchNextPage()}
        >
          {t('more')}
        </button>
      )}
    </section>
  );
}

function Answer({ answer }: { answer: SurveyAnswer }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const category = categoryOf(answer.score);
  return (
    <li className={`answer answer--${category}`}>
      <div className="answer__head">
        <span className={`score score--${category}`}>
          {t('nps.scoreOf', { score: format.number(answer.score) })}
        </span>
        <span className="muted">{t(`categories.${category}`)}</span>
        <span className="muted">
          {[answer.journeyName, answer.stage && t(`stageNames.${answer.stage}`)].filter(Boolean).join(' · ')}
        </span>
        <time className="muted" dateTime={answer.createdAt}>
          {format.dateTime(answer.createdAt)}
        </time>
      </div>
      {answer.comment ? (
        <p className="answer__comment" dir="auto">
          {answer.comment}
        </p>
      ) : (
        <p className="muted">{t('nps.noComment')}</p>
      )}
      <p className="answer__who">
        {category === 'detractor' ? (
          <Link to={`/customers/${encodeURIComponent(answer.customerId)}`}>
            {t('nps.theirJourney', { customer: answer.customerId })}
          </Link>
        ) : (
          <span className="muted" dir="auto">
            {answer.customerId}
          </span>
        )}
      </p>
    </li>
  );
}
