import { useTranslation } from 'react-i18next';
import { Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';

/**
 * How the person agreed to a consent the counsellor records: a signed form, or spoken with a
 * witness (whose name is then required). Used by the interview and by the person's Consents tab.
 */
export function ConsentMethodFields({
  method,
  witness,
  onMethod,
  onWitness,
}: {
  method: string;
  witness: string;
  onMethod: (method: string) => void;
  onWitness: (witness: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroup className="radio-group" value={method} onChange={onMethod}>
        <Label>{t('interview.consentMethod', 'How the person agreed')}</Label>
        <Radio value="signed_form">{t('interview.signedForm', 'Signed form')}</Radio>
        <Radio value="verbal_with_witness">{t('interview.verbal', 'Spoken, with a witness')}</Radio>
      </RadioGroup>
      {method === 'verbal_with_witness' ? (
        <TextField className="field" value={witness} onChange={onWitness} isRequired>
          <Label>{t('interview.witness', 'Name of the witness')}</Label>
          <Input dir="auto" />
        </TextField>
      ) : null}
    </>
  );
}
